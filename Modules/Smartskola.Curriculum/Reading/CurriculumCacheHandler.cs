using Microsoft.Extensions.Caching.Memory;
using Smartskola.ContentManagement.Handlers;

namespace Smartskola.Curriculum.Reading;

/// <summary>Any change to published program content drops the cached published program, so patients see it on their next page.</summary>
public sealed class CurriculumCacheHandler(IMemoryCache cache) : ContentHandler
{
    public override Task ChangedAsync(ContentEvent change, ContentContext context)
    {
        // Saving a draft leaves the published program as it was.
        if (change != ContentEvent.Update && CurriculumTypes.All.Contains(context.Item.ContentType))
        {
            CurriculumLoader.Forget(cache);
        }

        return Task.CompletedTask;
    }
}
