using Microsoft.AspNetCore.Mvc;
using Smartskola.ContentManagement.Data;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.ContentManagement.Items;
using Smartskola.ContentManagement.Parts;
using Smartskola.Core.Security;

namespace Smartskola.ContentManagement.Pages.Admin.Content;

[RequirePermission(ContentPermissions.AccessAdmin)]
public sealed class EditModel(
    ContentManager manager,
    ContentLifecycle lifecycle,
    ContentQuery query,
    ContentDefinitionManager definitions,
    ContentRenderer renderer,
    ContentDiff diff) : ContentEditorPage(manager, renderer, diff)
{
    public ContentItemRecord Record { get; private set; } = null!;

    public ContentItemRecord? Container { get; private set; }

    public string? PublicUrl { get; private set; }

    /// <summary>The list's children when the type has a ListPart.</summary>
    public IReadOnlyList<ContentItemRecord>? Children { get; private set; }

    public IReadOnlyList<ContentTypeDefinition> ContainedTypes { get; private set; } = [];

    public bool CanPublish => ContentAuthorizer.Can(User, ContentAction.Publish, Type, Editor.Item);

    public bool CanDelete => ContentAuthorizer.Can(User, ContentAction.Delete, Type, Editor.Item);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await OwnEditorUrlAsync(id) is { } ownEditor)
        {
            return Redirect(ownEditor);
        }

        if (await LoadAsync(id) is not { } item)
        {
            return NotFound();
        }

        BaseVersion = item.VersionNumber;
        await BuildEditorAsync(item);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(string id, int baseVersion) => PostAsync(id, baseVersion, SaveMode.Draft, false);

    public Task<IActionResult> OnPostPreviewAsync(string id, int baseVersion) => PostAsync(id, baseVersion, SaveMode.Draft, true);

    public Task<IActionResult> OnPostPublishAsync(string id, int baseVersion) => PostAsync(id, baseVersion, SaveMode.Publish, false);

    public Task<IActionResult> OnPostUnpublishAsync(string id) =>
        ActionAsync(id, ContentAction.Publish, () => Manager.UnpublishAsync(id), "Innehållet är avpublicerat och syns inte längre för patienter.");

    public Task<IActionResult> OnPostDiscardAsync(string id, int baseVersion) =>
        ActionAsync(id, ContentAction.Edit, () => lifecycle.DiscardDraftAsync(id, baseVersion),
            "Utkastet är kastat; den publicerade versionen är åter den senaste. Utkastet finns kvar i historiken.");

    public async Task<IActionResult> OnPostCloneAsync(string id)
    {
        if (await LoadAsync(id) is null)
        {
            return NotFound();
        }

        try
        {
            var copy = await lifecycle.CloneAsync(id);
            StatusMessage = "Kopian är skapad som ett utkast.";
            return Redirect($"/admin/innehall/{copy.ContentItemId}");
        }
        catch (ContentOperationException refused)
        {
            StatusMessage = refused.Message;
            return Redirect($"/admin/innehall/{id}");
        }
    }

    public Task<IActionResult> OnPostDeleteAsync(string id) =>
        ActionAsync(id, ContentAction.Delete, () => lifecycle.RemoveAsync(id),
            "Innehållet ligger nu i papperskorgen. En administratör kan återställa det.", "/admin/innehall");

    public async Task<IActionResult> OnPostMoveAsync(string id, string childId, int direction)
    {
        if (await LoadAsync(id) is null)
        {
            return NotFound();
        }

        var child = await query.RecordAsync(childId);
        if (child is null || child.ContainerId != id)
        {
            return NotFound();
        }

        await lifecycle.MoveAsync(childId, direction);
        return Redirect($"/admin/innehall/{id}#children-heading");
    }

    private async Task<IActionResult> PostAsync(string id, int baseVersion, SaveMode mode, bool preview)
    {
        if (await LoadAsync(id) is not { } item)
        {
            return NotFound();
        }

        return await SaveAsync(item, baseVersion, mode, preview);
    }

    private async Task<IActionResult> ActionAsync(string id, ContentAction action, Func<Task> run, string done,
        string? doneUrl = null)
    {
        if (await LoadAsync(id) is not { } item)
        {
            return NotFound();
        }

        if (!ContentAuthorizer.Can(User, action, Type, item))
        {
            return Forbid();
        }

        try
        {
            await run();
            StatusMessage = done;
            if (doneUrl is not null)
            {
                return Redirect(doneUrl);
            }
        }
        catch (ContentConflictException)
        {
            StatusMessage = "Någon annan har sparat en ny version under tiden. Inget ändrades; se den aktuella versionen nedan.";
        }
        catch (ContentOperationException refused)
        {
            StatusMessage = refused.Message;
        }

        return Redirect($"/admin/innehall/{id}");
    }

    /// <summary>The module's own page for an item whose type is not edited here (links from search and lists).</summary>
    private async Task<string?> OwnEditorUrlAsync(string id) =>
        await query.RecordAsync(id) is { DeletedUtc: null } record && await definitions.GetAsync(record.ContentType) is { } type
            ? type.OwnEditorUrl(id)
            : null;

    /// <summary>The latest version, if it exists, is not in the recycle bin and the user may edit it.</summary>
    private async Task<ContentItem?> LoadAsync(string id)
    {
        var record = await query.RecordAsync(id);
        if (record is null || record.DeletedUtc is not null
            || await definitions.GetAsync(record.ContentType) is not { } type || type.Settings.EditorUrl is not null)
        {
            return null;
        }

        var item = await Manager.GetLatestAsync(id);
        if (item is null || !ContentAuthorizer.Can(User, ContentAction.Edit, type, item))
        {
            return null;
        }

        Record = record;
        Type = type;
        PublicUrl = record.PublishedVersion is null ? null : await query.PublicPathAsync(id);
        Container = record.ContainerId is null ? null : await query.RecordAsync(record.ContainerId);
        if (type.PartOfKind(ListPartDriver.PartKind) is { } list)
        {
            Children = await query.ChildrenAsync(id);
            var names = ListPartDriver.ContainedTypes(list.Settings);
            ContainedTypes = (await definitions.ListAsync())
                .Where(t => (names.Count == 0 || names.Contains(t.Name)) && ContentAuthorizer.Can(User, ContentAction.Edit, t))
                .ToList();
        }

        return item;
    }
}
