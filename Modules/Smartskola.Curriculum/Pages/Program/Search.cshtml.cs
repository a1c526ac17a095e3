using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.Curriculum.Progress;
using Smartskola.Curriculum.Reading;
using Smartskola.Search.Data;
using Smartskola.Search.Querying;

namespace Smartskola.Curriculum.Pages.Program;

/// <summary>Search in the program: only the published program, and only what is open to this reader.</summary>
[Authorize]
public sealed class SearchModel(ReadingScopeFactory scopes, ContentRenderer renderer, ContentDefinitionManager definitions,
    ReadingActivityNotifier activity,
    SearchService search) : ReadingPage(scopes, renderer, definitions, activity)
{
    public string Query { get; private set; } = string.Empty;

    public IReadOnlyList<(SearchHit Hit, string Url, string Where)>? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q)
    {
        if (await BeginAsync() is { } refused)
        {
            return refused;
        }

        Query = q?.Trim() ?? string.Empty;
        if (Query.Length == 0)
        {
            return Page();
        }

        // A preview of drafts searches the latest versions; patients only ever the published ones.
        var scope = Scope.Preview && Scope.Query.Contains("kalla=utkast") ? SearchScope.Latest : SearchScope.Published;
        var hits = await search.SearchAsync(new SearchRequest(Query, scope, Scope.VisibleItemIds), HttpContext.RequestAborted);
        Results = hits.Select(h => Scope.Locate(h.ContentItemId) is { } place ? (h, place.Url, place.Where) : ((SearchHit, string, string)?)null)
            .OfType<(SearchHit, string, string)>().ToList();
        return Page();
    }
}
