using Microsoft.Extensions.Caching.Memory;
using Smartskola.ContentManagement.Handlers;

namespace Smartskola.Curriculum.Reading;

/// <summary>Any change to program content drops the cached published program, so patients see it on their next page.</summary>
public sealed class CurriculumCacheHandler(IMemoryCache cache) : ContentHandler
{
    public override Task CreatedAsync(ContentContext context) => ForgetAsync(context);

    public override Task PublishedAsync(ContentContext context) => ForgetAsync(context);

    public override Task UnpublishedAsync(ContentContext context) => ForgetAsync(context);

    public override Task RemovedAsync(ContentContext context) => ForgetAsync(context);

    public override Task RestoredAsync(ContentContext context) => ForgetAsync(context);

    public override Task DestroyedAsync(ContentContext context) => ForgetAsync(context);

    private Task ForgetAsync(ContentContext context)
    {
        if (CurriculumTypes.All.Contains(context.Item.ContentType))
        {
            CurriculumLoader.Forget(cache);
        }

        return Task.CompletedTask;
    }
}
