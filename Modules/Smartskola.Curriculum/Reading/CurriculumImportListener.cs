using Microsoft.Extensions.Caching.Memory;
using Smartskola.ContentManagement.Handlers;

namespace Smartskola.Curriculum.Reading;

/// <summary>A recipe import may change the program without content events: drop the cached published program.</summary>
public sealed class CurriculumImportListener(IMemoryCache cache) : IContentImportListener
{
    public Task ImportedAsync(IReadOnlyList<string> contentItemIds, CancellationToken cancellationToken = default)
    {
        CurriculumLoader.Forget(cache);
        return Task.CompletedTask;
    }
}
