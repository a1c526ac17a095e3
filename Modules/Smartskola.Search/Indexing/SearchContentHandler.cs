using Microsoft.Extensions.Logging;
using Smartskola.ContentManagement.Handlers;

namespace Smartskola.Search.Indexing;

/// <summary>Re-indexes an item after every change, since any change can alter what readers or editors find.</summary>
public sealed class SearchContentHandler(SearchIndexer indexer, ILogger<SearchContentHandler> logger) : ContentHandler
{
    public override async Task ChangedAsync(ContentEvent change, ContentContext context)
    {
        await indexer.IndexAsync(context.Item.ContentItemId);
        logger.LogDebug("Search index updated for {ContentItemId}", context.Item.ContentItemId);
    }
}
