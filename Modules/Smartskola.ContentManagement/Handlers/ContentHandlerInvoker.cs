using Microsoft.Extensions.Logging;
using Smartskola.ContentManagement.Items;

namespace Smartskola.ContentManagement.Handlers;

/// <summary>Runs every registered handler for an event, isolating failures.</summary>
public sealed class ContentHandlerInvoker(IEnumerable<ContentHandler> handlers, ILogger<ContentHandlerInvoker> logger)
{
    private delegate Task Step(ContentHandler handler, ContentContext context);

    private static readonly Dictionary<ContentEvent, (Step Before, Step After)> Steps = new()
    {
        [ContentEvent.Create] = ((h, c) => h.CreatingAsync(c), (h, c) => h.CreatedAsync(c)),
        [ContentEvent.Update] = ((h, c) => h.UpdatingAsync(c), (h, c) => h.UpdatedAsync(c)),
        [ContentEvent.Publish] = ((h, c) => h.PublishingAsync(c), (h, c) => h.PublishedAsync(c)),
        [ContentEvent.Unpublish] = ((h, c) => h.UnpublishingAsync(c), (h, c) => h.UnpublishedAsync(c)),
        [ContentEvent.Remove] = ((h, c) => h.RemovingAsync(c), (h, c) => h.RemovedAsync(c)),
        [ContentEvent.Restore] = ((h, c) => h.RestoringAsync(c), (h, c) => h.RestoredAsync(c)),
        [ContentEvent.Destroy] = ((h, c) => h.DestroyingAsync(c), (h, c) => h.DestroyedAsync(c)),
    };

    /// <summary>Runs the -ing handlers; throws <see cref="ContentOperationException"/> if one cancelled.</summary>
    public Task BeforeAsync(ContentEvent contentEvent, ContentContext context) =>
        RunAsync(contentEvent, Steps[contentEvent].Before, "before", context, stopWhenCancelled: true);

    /// <summary>Runs the -ed handlers, then each handler's <see cref="ContentHandler.ChangedAsync"/>.</summary>
    public Task AfterAsync(ContentEvent contentEvent, ContentContext context)
    {
        var after = Steps[contentEvent].After;
        return RunAsync(contentEvent, async (handler, c) =>
        {
            await after(handler, c);
            await handler.ChangedAsync(contentEvent, c);
        }, "after", context, stopWhenCancelled: false);
    }

    private async Task RunAsync(ContentEvent contentEvent, Step step, string phase, ContentContext context, bool stopWhenCancelled)
    {
        foreach (var handler in handlers)
        {
            try
            {
                await step(handler, context);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Content handler {Handler} failed {Phase} {Event} of {ContentItemId}",
                    handler.GetType().Name, phase, contentEvent, context.Item.ContentItemId);
            }

            if (stopWhenCancelled && context.Cancelled)
            {
                logger.LogInformation("Content handler {Handler} cancelled {Event} of {ContentItemId}",
                    handler.GetType().Name, contentEvent, context.Item.ContentItemId);
                throw new ContentOperationException(context.CancelReason ?? "Åtgärden stoppades.");
            }
        }
    }
}
