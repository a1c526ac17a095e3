using Microsoft.AspNetCore.Mvc;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Items;
using Smartskola.ContentManagement.Parts;
using Smartskola.Core.Security;

namespace Smartskola.ContentManagement.Pages.Admin.Content;

[RequirePermission(ContentPermissions.AccessAdmin)]
public sealed class CreateModel(
    ContentManager manager,
    ContentQuery query,
    ContentDefinitionManager definitions,
    ContentRenderer renderer,
    ContentDiff diff) : ContentEditorPage(manager, renderer, diff)
{
    public string? ContainerTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(string type, [FromQuery(Name = "lista")] string? container)
    {
        if (await PrepareAsync(type, container) is not { } item)
        {
            return NotFound();
        }

        await BuildEditorAsync(item);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(string type, string? lista, string contentItemId) =>
        PostAsync(type, lista, contentItemId, SaveMode.Draft, false);

    public Task<IActionResult> OnPostPreviewAsync(string type, string? lista, string contentItemId) =>
        PostAsync(type, lista, contentItemId, SaveMode.Draft, true);

    public Task<IActionResult> OnPostPublishAsync(string type, string? lista, string contentItemId) =>
        PostAsync(type, lista, contentItemId, SaveMode.Publish, false);

    private async Task<IActionResult> PostAsync(string type, string? container, string contentItemId, SaveMode mode, bool preview)
    {
        if (await PrepareAsync(type, container) is not { } item)
        {
            return NotFound();
        }

        // The id is made when the form is shown, so a double-clicked "Spara" cannot create two items: the second
        // post finds the item the first one made and goes there. Any other existing id gets a fresh one.
        if (System.Text.RegularExpressions.Regex.IsMatch(contentItemId ?? string.Empty, "^[a-f0-9]{32}$"))
        {
            if (await query.RecordAsync(contentItemId!) is { } existing)
            {
                if (existing.ContentType == type && existing.DeletedUtc is null && existing.Owner == User.UserId()
                    && existing.LatestVersion == 1)
                {
                    StatusMessage = "Innehållet var redan sparat (formuläret skickades två gånger).";
                    return Redirect($"/admin/innehall/{existing.ContentItemId}");
                }
            }
            else
            {
                item.ContentItemId = contentItemId!;
            }
        }

        return await SaveAsync(item, 0, mode, preview);
    }

    /// <summary>A new item of a creatable type the user may edit, in a list that accepts it (if any).</summary>
    private async Task<ContentItem?> PrepareAsync(string typeName, string? containerId)
    {
        if (await definitions.GetAsync(typeName) is not { } type || !type.Settings.Creatable
            || !ContentAuthorizer.Can(User, ContentAction.Edit, type))
        {
            return null;
        }

        Type = type;
        if (containerId is not null)
        {
            var container = await query.RecordAsync(containerId);
            var containerType = container is null ? null : await definitions.GetAsync(container.ContentType);
            var list = containerType?.PartOfKind(ListPartDriver.PartKind);
            var accepted = list is null ? [] : ListPartDriver.ContainedTypes(list.Settings);
            if (container is null || container.DeletedUtc is not null || list is null
                || (accepted.Count > 0 && !accepted.Contains(type.Name))
                || !ContentAuthorizer.Can(User, ContentAction.Edit, containerType!, new ContentItem { Owner = container.Owner, VersionNumber = container.LatestVersion }))
            {
                return null;
            }

            ContainerTitle = container.DisplayText;
            ContainerId = containerId;
        }

        return Manager.New(type.Name, containerId);
    }
}
