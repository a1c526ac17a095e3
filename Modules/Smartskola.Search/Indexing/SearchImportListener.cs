using Smartskola.ContentManagement.Handlers;

namespace Smartskola.Search.Indexing;

/// <summary>Indexes what a recipe imported (items imported with their history raise no content events).</summary>
public sealed class SearchImportListener(SearchIndexer indexer) : IContentImportListener
{
    public async Task ImportedAsync(IReadOnlyList<string> contentItemIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in contentItemIds)
        {
            await indexer.IndexAsync(id, cancellationToken);
        }
    }
}
