using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Handlers;
using Smartskola.ContentManagement.Items;

namespace Smartskola.Forms.Templates;

/// <summary>
/// Snapshots every published template version (and those a recipe imports), so answers stay bound to exactly the
/// version they answered even if the content history is pruned.
/// </summary>
public sealed class TemplateSnapshotHandler(IServiceProvider services) : ContentHandler
{
    public override async Task PublishedAsync(ContentContext context)
    {
        if (context.Item.ContentType == FormTypes.Template)
        {
            // Resolved here, not in the constructor: the store needs the ContentManager, whose handler invoker
            // creates this handler, so constructor injection is a circular dependency the host refuses at start.
            await services.GetRequiredService<FormTemplateStore>().SnapshotAsync(context.Item);
        }
    }
}

public sealed class TemplateImportListener(FormTemplateStore store, ContentManager content) : IContentImportListener
{
    public async Task ImportedAsync(IReadOnlyList<string> contentItemIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in contentItemIds)
        {
            if (await content.GetPublishedAsync(id, cancellationToken) is { ContentType: FormTypes.Template } item)
            {
                await store.SnapshotAsync(item, cancellationToken);
            }
        }
    }
}
