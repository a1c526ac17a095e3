using System.Security.Claims;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Items;

namespace Smartskola.ContentManagement.Handlers;

/// <summary>
/// Content events as -ing/-ed pairs. An -ing handler may cancel the operation with <see cref="ContentContext.Cancel"/>;
/// a handler that throws is logged and skipped, so one broken module cannot stop the others.
/// -ed handlers run after the change is committed. Register with <c>services.AddContentHandler&lt;T&gt;()</c>.
/// </summary>
public abstract class ContentHandler
{
    public virtual Task CreatingAsync(ContentContext context) => Task.CompletedTask;

    public virtual Task CreatedAsync(ContentContext context) => Task.CompletedTask;

    public virtual Task UpdatingAsync(ContentContext context) => Task.CompletedTask;

    public virtual Task UpdatedAsync(ContentContext context) => Task.CompletedTask;

    public virtual Task PublishingAsync(ContentContext context) => Task.CompletedTask;

    public virtual Task PublishedAsync(ContentContext context) => Task.CompletedTask;

    public virtual Task UnpublishingAsync(ContentContext context) => Task.CompletedTask;

    public virtual Task UnpublishedAsync(ContentContext context) => Task.CompletedTask;

    /// <summary>Soft delete (to the recycle bin).</summary>
    public virtual Task RemovingAsync(ContentContext context) => Task.CompletedTask;

    public virtual Task RemovedAsync(ContentContext context) => Task.CompletedTask;

    /// <summary>Back from the recycle bin.</summary>
    public virtual Task RestoringAsync(ContentContext context) => Task.CompletedTask;

    public virtual Task RestoredAsync(ContentContext context) => Task.CompletedTask;

    /// <summary>Hard delete: the item and all its versions are gone afterwards.</summary>
    public virtual Task DestroyingAsync(ContentContext context) => Task.CompletedTask;

    public virtual Task DestroyedAsync(ContentContext context) => Task.CompletedTask;

    /// <summary>
    /// After every committed change, whatever its kind (runs after the specific -ed method). For handlers that keep
    /// something derived from content (an index, a cache) and only need to know that an item changed.
    /// </summary>
    public virtual Task ChangedAsync(ContentEvent change, ContentContext context) => Task.CompletedTask;
}

public enum ContentEvent
{
    Create,
    Update,
    Publish,
    Unpublish,
    Remove,
    Restore,
    Destroy,
}

public sealed class ContentContext(ContentItem item, ContentTypeDefinition type, ClaimsPrincipal? user)
{
    public ContentItem Item { get; } = item;

    public ContentTypeDefinition Type { get; } = type;

    public ClaimsPrincipal? User { get; } = user;

    public bool Cancelled { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>Stops the operation (only meaningful in an -ing handler). The reason is shown to the user.</summary>
    public void Cancel(string reason)
    {
        Cancelled = true;
        CancelReason ??= reason;
    }
}

/// <summary>
/// Told once after a recipe's <c>content</c> step, with every item it wrote. Items imported with their whole version
/// history are written directly, without content events, so modules that keep indexes of content (search, media
/// usage) bring them up to date here. Runs inside the recipe's transaction.
/// </summary>
public interface IContentImportListener
{
    Task ImportedAsync(IReadOnlyList<string> contentItemIds, CancellationToken cancellationToken = default);
}
