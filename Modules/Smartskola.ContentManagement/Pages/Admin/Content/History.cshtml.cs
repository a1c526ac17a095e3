using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.ContentManagement.Data;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.Security;
using Smartskola.Core.Settings;

namespace Smartskola.ContentManagement.Pages.Admin.Content;

/// <summary>All versions of an item with author and time; restore one as a new draft; prune old ones.</summary>
[RequirePermission(ContentPermissions.AccessAdmin)]
public sealed class HistoryModel(ContentManager manager, ContentLifecycle lifecycle, ContentQuery query,
    ContentDefinitionManager definitions, SiteSettings settings) : PageModel
{
    /// <summary>The site's retention rule (recipe step <c>settings</c>), offered as the prune form's defaults.</summary>
    public const string RetentionSetting = "Content.VersionRetention";

    public VersionRetention Retention { get; private set; } = new(10, null);

    public ContentItemRecord Record { get; private set; } = null!;

    public IReadOnlyList<ContentItem> Versions { get; private set; } = [];

    public bool CanPrune => User.HasPermission(ContentPermissions.PruneVersions);

    [TempData] public string? StatusMessage { get; set; }

    [TempData(Key = "HistoryError")] public string? ErrorMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRestoreAsync(string id, int version, int baseVersion)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        try
        {
            var draft = await lifecycle.RestoreVersionAsync(id, version, baseVersion);
            StatusMessage = $"Version {version} är återställd som nytt utkast (version {draft.VersionNumber}). Publicera när du är klar.";
            return Redirect($"/admin/innehall/{id}");
        }
        catch (ContentConflictException)
        {
            ErrorMessage = "Någon annan sparade en ny version under tiden. Inget återställdes; försök igen.";
        }
        catch (ContentValidationException invalid)
        {
            ErrorMessage = $"Version {version} kan inte återställas: {string.Join(" ", invalid.Errors.Values)}";
        }
        catch (ContentOperationException refused)
        {
            ErrorMessage = refused.Message;
        }

        return Redirect($"/admin/innehall/{id}/historik");
    }

    public async Task<IActionResult> OnPostPruneAsync(string id, string? keep, string? days, bool confirm)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!CanPrune)
        {
            return Forbid();
        }

        var rule = new VersionRetention(int.TryParse(keep, out var k) ? k : null, int.TryParse(days, out var d) ? d : null);
        if (!rule.IsValid || (!string.IsNullOrWhiteSpace(keep) && rule.KeepNewest is null)
            || (!string.IsNullOrWhiteSpace(days) && rule.YoungerThanDays is null))
        {
            ErrorMessage = "Ange hur många versioner som ska sparas (ett heltal, minst 1) och/eller hur många dagar (0 eller fler).";
            return Redirect($"/admin/innehall/{id}/historik");
        }

        if (!confirm)
        {
            ErrorMessage = "Kryssa i rutan för att bekräfta att versionerna ska tas bort för gott.";
            return Redirect($"/admin/innehall/{id}/historik");
        }

        var count = await lifecycle.PruneAsync(id, rule);
        StatusMessage = count == 0 ? "Inga versioner behövde gallras." : $"{count} gamla versioner är borttagna.";
        return Redirect($"/admin/innehall/{id}/historik");
    }

    private async Task<bool> LoadAsync(string id)
    {
        var record = await query.RecordAsync(id);
        if (record is null || record.DeletedUtc is not null || await definitions.GetAsync(record.ContentType) is not { } type
            || type.Settings.EditorUrl is not null)
        {
            return false;
        }

        var latest = await manager.GetLatestAsync(id);
        if (latest is null || !ContentAuthorizer.CanSeeDrafts(User, type, latest))
        {
            return false;
        }

        Record = record;
        Versions = await manager.VersionsAsync(id);
        try
        {
            Retention = await settings.GetAsync<VersionRetention>(RetentionSetting) is { IsValid: true } rule ? rule : Retention;
        }
        catch (System.Text.Json.JsonException)
        {
            // A malformed setting only loses the suggestion; the page still works.
        }
        return true;
    }
}
