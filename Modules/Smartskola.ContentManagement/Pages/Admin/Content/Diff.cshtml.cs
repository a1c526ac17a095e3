using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.Security;

namespace Smartskola.ContentManagement.Pages.Admin.Content;

/// <summary>Readable side-by-side comparison of any two versions.</summary>
[RequirePermission(ContentPermissions.AccessAdmin)]
public sealed class DiffModel(ContentManager manager, ContentQuery query, ContentDefinitionManager definitions, ContentDiff diff)
    : PageModel
{
    public string Id { get; private set; } = string.Empty;

    public int From { get; private set; }

    public int To { get; private set; }

    public IReadOnlyList<DiffSection> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, [FromQuery(Name = "fran")] int? fromVersion,
        [FromQuery(Name = "till")] int? toVersion)
    {
        if ((await query.RecordAsync(id))?.DeletedUtc is not null)
        {
            return NotFound(); // in the recycle bin
        }

        // Without a choice: the latest version against the one before it.
        var latest = await manager.GetLatestAsync(id);
        var to = toVersion ?? latest?.VersionNumber ?? 0;
        var from = fromVersion ?? (await manager.VersionsAsync(id)).Select(v => v.VersionNumber).FirstOrDefault(n => n < to, to);
        var older = await manager.GetVersionAsync(id, from);
        var newer = await manager.GetVersionAsync(id, to);
        if (older is null || newer is null || await definitions.GetAsync(newer.ContentType) is not { } type
            || type.Settings.EditorUrl is not null || !ContentAuthorizer.CanSeeDrafts(User, type, newer))
        {
            return NotFound();
        }

        (Id, From, To) = (id, from, to);
        Sections = await diff.CompareAsync(older, newer, type);
        return Page();
    }
}
