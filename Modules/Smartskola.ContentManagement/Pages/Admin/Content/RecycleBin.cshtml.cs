using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.ContentManagement.Data;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Items;
using Smartskola.Core.Security;

namespace Smartskola.ContentManagement.Pages.Admin.Content;

/// <summary>Soft-deleted items: restore or delete for good (administrators).</summary>
[RequirePermission(ContentPermissions.ManageRecycleBin)]
public sealed class RecycleBinModel(ContentQuery query, ContentLifecycle lifecycle, ContentDefinitionManager definitions) : PageModel
{
    public IReadOnlyList<ContentItemRecord> Items { get; private set; } = [];

    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        var types = (await definitions.ListAsync()).Select(t => t.Name).ToHashSet();
        Items = (await query.ListAsync(new ContentListFilter(Deleted: true, PageSize: 500), types)).Items;
    }

    public Task<IActionResult> OnPostRestoreAsync(string id) =>
        RunAsync(() => lifecycle.RestoreAsync(id), "Innehållet är återställt.");

    public Task<IActionResult> OnPostDestroyAsync(string id, bool confirm) => confirm
        ? RunAsync(() => lifecycle.DestroyAsync(id), "Innehållet och alla dess versioner är raderade.")
        : Task.FromResult<IActionResult>(Message("Kryssa i rutan för att bekräfta att allt ska raderas för gott."));

    private async Task<IActionResult> RunAsync(Func<Task> action, string done)
    {
        try
        {
            await action();
            return Message(done);
        }
        catch (ContentOperationException refused)
        {
            return Message(refused.Message);
        }
    }

    private RedirectToPageResult Message(string message)
    {
        StatusMessage = message;
        return RedirectToPage();
    }
}
