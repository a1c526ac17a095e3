using Smartskola.ContentManagement.Handlers;
using Smartskola.Media.Library;

namespace Smartskola.Media.Recipes;

/// <summary>Records which media the items a recipe imported use (items imported with their history raise no content events).</summary>
public sealed class MediaImportListener(MediaUsages usages) : IContentImportListener
{
    public async Task ImportedAsync(IReadOnlyList<string> contentItemIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in contentItemIds)
        {
            await usages.RefreshAsync(id, cancellationToken);
        }
    }
}
