using Microsoft.Extensions.Logging;
using Smartskola.ContentManagement.Items;

namespace Smartskola.ContentManagement.Handlers;

/// <summary>Runs every registered handler for an event, isolating failures.</summary>
public sealed class ContentHandlerInvoker(IEnumerable<ContentHandler> handlers, ILogger<ContentHandlerInvoker> logger)
{
    /// <summary>Runs the -ing handlers; throws <see cref="ContentOperationException"/> if one cancelled.</summary>
    public async Task BeforeAsync(ContentEvent contentEvent, ContentContext context)
    {
        foreach (var handler in handlers)
        {
            try
            {
                await (contentEvent switch
                {
                    ContentEvent.Create => handler.CreatingAsync(context),
                    ContentEvent.Update => handler.UpdatingAsync(context),
                    ContentEvent.Publish => handler.PublishingAsync(context),
                    ContentEvent.Unpublish => handler.UnpublishingAsync(context),
                    ContentEvent.Remove => handler.RemovingAsync(context),
                    ContentEvent.Restore => handler.RestoringAsync(context),
                    _ => handler.DestroyingAsync(context),
                });
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Content handler {Handler} failed before {Event} of {ContentItemId}",
                    handler.GetType().Name, contentEvent, context.Item.ContentItemId);
            }

            if (context.Cancelled)
            {
                logger.LogInformation("Content handler {Handler} cancelled {Event} of {ContentItemId}",
                    handler.GetType().Name, contentEvent, context.Item.ContentItemId);
                throw new ContentOperationException(context.CancelReason ?? "Åtgärden stoppades.");
            }
        }
    }

    public async Task AfterAsync(ContentEvent contentEvent, ContentContext context)
    {
        foreach (var handler in handlers)
        {
            try
            {
                await (contentEvent switch
                {
                    ContentEvent.Create => handler.CreatedAsync(context),
                    ContentEvent.Update => handler.UpdatedAsync(context),
                    ContentEvent.Publish => handler.PublishedAsync(context),
                    ContentEvent.Unpublish => handler.UnpublishedAsync(context),
                    ContentEvent.Remove => handler.RemovedAsync(context),
                    ContentEvent.Restore => handler.RestoredAsync(context),
                    _ => handler.DestroyedAsync(context),
                });
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Content handler {Handler} failed after {Event} of {ContentItemId}",
                    handler.GetType().Name, contentEvent, context.Item.ContentItemId);
            }
        }
    }
}
