using Microsoft.Extensions.Logging;
using Smartskola.ContentManagement.Handlers;

namespace Smartskola.Search.Indexing;

/// <summary>Re-indexes an item after every change that alters what either readers or editors can find.</summary>
public sealed class SearchContentHandler(SearchIndexer indexer, ILogger<SearchContentHandler> logger) : ContentHandler
{
    public override Task CreatedAsync(ContentContext context) => IndexAsync(context);

    public override Task UpdatedAsync(ContentContext context) => IndexAsync(context);

    public override Task PublishedAsync(ContentContext context) => IndexAsync(context);

    public override Task UnpublishedAsync(ContentContext context) => IndexAsync(context);

    public override Task RemovedAsync(ContentContext context) => IndexAsync(context);

    public override Task RestoredAsync(ContentContext context) => IndexAsync(context);

    public override Task DestroyedAsync(ContentContext context) => IndexAsync(context);

    private async Task IndexAsync(ContentContext context)
    {
        await indexer.IndexAsync(context.Item.ContentItemId);
        logger.LogDebug("Search index updated for {ContentItemId}", context.Item.ContentItemId);
    }
}
