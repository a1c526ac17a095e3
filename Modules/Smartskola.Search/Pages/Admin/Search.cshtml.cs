using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.ContentManagement;
using Smartskola.ContentManagement.Definitions;
using Smartskola.Core.Audit;
using Smartskola.Core.Security;
using Smartskola.Search.Data;
using Smartskola.Search.Indexing;
using Smartskola.Search.Querying;

namespace Smartskola.Search.Pages.Admin;

/// <summary>Editors search the latest versions (drafts included) of the types they may edit; administrators rebuild the index.</summary>
[RequirePermission(ContentPermissions.AccessAdmin)]
public sealed class SearchModel(SearchService search, SearchIndexer indexer, ContentDefinitionManager definitions,
    IAuditLog audit) : PageModel
{
    public string Query { get; private set; } = string.Empty;

    public IReadOnlyList<SearchHit>? Hits { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(string? q)
    {
        Query = q?.Trim() ?? string.Empty;
        if (Query.Length == 0)
        {
            return;
        }

        var editable = (await definitions.ListAsync(HttpContext.RequestAborted))
            // Types edited on their module's own page (form templates) are found there, not here.
            .Where(t => t.Settings.EditorUrl is null && ContentAuthorizer.Can(User, ContentAction.Edit, t)).Select(t => t.Name).ToHashSet();
        Hits = (await search.SearchAsync(new SearchRequest(Query, SearchScope.Latest, Limit: 50), HttpContext.RequestAborted))
            .Where(h => editable.Contains(h.ContentType)).ToList();
    }

    public async Task<IActionResult> OnPostRebuildAsync()
    {
        if (!User.HasPermission(SearchPermissions.Rebuild))
        {
            return Forbid();
        }

        var count = await indexer.RebuildAsync(HttpContext.RequestAborted);
        await audit.WriteAsync(new AuditEvent("search.rebuild", "SearchIndex", null), HttpContext.RequestAborted);
        StatusMessage = $"Sökindexet är ombyggt: {count} objekt indexerades.";
        return RedirectToPage();
    }
}
