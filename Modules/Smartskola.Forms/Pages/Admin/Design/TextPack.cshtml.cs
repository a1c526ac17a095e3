using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Security;
using Smartskola.Forms.Data;
using Smartskola.Forms.Design;
using Smartskola.Forms.Templates;

namespace Smartskola.Forms.Pages.Admin.Design;

/// <summary>
/// A unit's licensed wording for an instrument template (own or shared with the unit): one text per item and option,
/// plus the licence reference. The wording stays in this unit's database row, never in a recipe or the repository.
/// </summary>
[RequirePermission(FormsPermissions.Design)]
public sealed class TextPackModel(TemplateDesigner designer, FormTemplateStore store) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "enhet")]
    public Guid? UnitId { get; set; }

    [BindProperty]
    public Dictionary<string, string> Texts { get; set; } = [];

    [BindProperty]
    public string LicenceReference { get; set; } = string.Empty;

    [BindProperty]
    public Guid? PackVersion { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? Error { get; private set; }

    public TemplateVersion? Published { get; private set; }

    /// <summary>Key and the placeholder text it replaces.</summary>
    public IReadOnlyList<(string Key, string Placeholder)> Keys { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await designer.TextPackAsync(id, UnitId!.Value, cancellationToken) is { } pack)
        {
            Texts = TextPacks.Parse(pack.TextsJson);
            LicenceReference = pack.LicenceReference;
            PackVersion = pack.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await designer.SaveTextPackAsync(id, UnitId!.Value, User.CareUnitIds(), Texts, LicenceReference, PackVersion, cancellationToken);
            StatusMessage = "Textpaketet är sparat.";
            return Redirect($"/admin/formular/{id}/textpaket?enhet={UnitId}");
        }
        catch (DesignException ex) when (ex.Status != 404)
        {
            Error = ex.Message;
            Response.StatusCode = ex.Status;
            return Page();
        }
        catch (DesignException)
        {
            return NotFound();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var units = User.CareUnitIds();
        if (await store.GetTemplateAsync(id, cancellationToken) is not { } template)
        {
            return false;
        }

        UnitId ??= units.Contains(template.OwnerUnitId) ? template.OwnerUnitId : units.FirstOrDefault();
        if (!units.Contains(UnitId.Value) || !await store.IsSharedWithAsync(template, UnitId.Value, cancellationToken))
        {
            return false;
        }

        Published = await store.GetNewestPublishedAsync(id, cancellationToken);
        if (Published is { Definition: var definition })
        {
            var placeholders = definition.AllItems().SelectMany(i => new[] { (i.Id, i.Text) }
                .Concat(i.Options.Select(o => ($"{i.Id}.{o.Code}", o.Text)))).ToDictionary(p => p.Item1, p => p.Item2);
            Keys = TextPacks.RequiredKeys(definition).Select(k => (k, placeholders.GetValueOrDefault(k, k))).ToList();
        }

        return true;
    }
}
