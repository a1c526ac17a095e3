using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.Security;

namespace Smartskola.ContentManagement.Pages.Admin.Content;

/// <summary>Shows a version (by default the latest draft) exactly as a patient would see it, in the patient theme.</summary>
[RequirePermission(ContentPermissions.AccessAdmin)]
public sealed class PreviewModel(ContentManager manager, ContentQuery query, ContentDefinitionManager definitions,
    ContentRenderer renderer) : PageModel
{
    public ContentItemView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, int? version)
    {
        if ((await query.RecordAsync(id))?.DeletedUtc is not null)
        {
            return NotFound(); // in the recycle bin
        }

        var item = version is { } number ? await manager.GetVersionAsync(id, number) : await manager.GetLatestAsync(id);
        if (item is null || await definitions.GetAsync(item.ContentType) is not { } type
            || type.Settings.EditorUrl is not null || !ContentAuthorizer.CanSeeDrafts(User, type, item))
        {
            return NotFound();
        }

        View = await renderer.DisplayAsync(item, type, ContentRenderer.PatientTheme);
        return Page();
    }
}
