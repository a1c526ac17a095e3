using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.ContentManagement.Data;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Items;

namespace Smartskola.ContentManagement.Pages.Content;

/// <summary>
/// The published version of an item, in the patient theme: <c>/innehall/{container slugs…}/{slug}</c>, or
/// <c>/innehall/objekt/{id}</c> for types without an address part. Signed-in users only; securable types also
/// need their view permission. Drafts are never shown here. Types an <see cref="IContentRouteOwner"/> claims are sent to that module's page.
/// </summary>
[Authorize]
public sealed class DisplayModel(ContentQuery query, ContentManager manager, ContentDefinitionManager definitions,
    ContentRenderer renderer, IEnumerable<IContentRouteOwner> owners) : PageModel
{
    public ContentItemView View { get; private set; } = null!;

    public ContentLink? Container { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? path)
    {
        var record = await ResolveAsync(path ?? string.Empty);
        if (record is not null && owners.FirstOrDefault(o => o.Owns(record.ContentType)) is { } owner)
        {
            // Shown by its own module, under that module's access rules.
            return await owner.UrlAsync(record.ContentItemId, record.ContentType, HttpContext.RequestAborted) is { } url
                ? Redirect(url) : NotFound();
        }

        var item = record is null || record.DeletedUtc is not null ? null : await manager.GetPublishedAsync(record);
        if (item is null || await definitions.GetAsync(item.ContentType) is not { } type
            || !ContentAuthorizer.Can(User, ContentAction.View, type, item))
        {
            return NotFound();
        }

        View = await renderer.DisplayAsync(item, type, ContentRenderer.PatientTheme);
        if (item.ContainerId is { } containerId && await query.PublicPathAsync(containerId) is { } containerUrl)
        {
            Container = new ContentLink(containerId, await query.PublishedTitleAsync(containerId) ?? string.Empty, containerUrl);
        }

        return Page();
    }

    private async Task<ContentItemRecord?> ResolveAsync(string path)
    {
        const string byId = ContentQuery.ByIdSegment + "/";
        if (path.StartsWith(byId, StringComparison.Ordinal))
        {
            var id = path[byId.Length..];
            return await query.PublicPathAsync(id) == $"{ContentQuery.PublicPrefix}/{path}" ? await query.RecordAsync(id) : null;
        }

        return await query.ResolvePublicPathAsync(path);
    }
}
