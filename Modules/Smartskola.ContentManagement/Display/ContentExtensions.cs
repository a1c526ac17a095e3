using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Items;

namespace Smartskola.ContentManagement.Display;

/// <summary>
/// Rewrites sanitized rich text just before it is shown (e.g. the media library turns <c>&lt;img src="/media/…"&gt;</c>
/// into responsive, versioned image URLs). Runs on already-sanitized HTML and must keep it safe.
/// Register with <c>services.AddScoped&lt;IHtmlDisplayFilter, MyFilter&gt;()</c>; filters run in registration order.
/// </summary>
public interface IHtmlDisplayFilter
{
    Task<string> FilterAsync(string html, CancellationToken cancellationToken = default);
}

/// <summary>
/// Problems an editor should fix, shown above the editor (e.g. an image without alt text or a film without captions).
/// A module that also wants to stop publishing such an item does so in its own <c>PublishingAsync</c> handler.
/// </summary>
public interface IContentWarnings
{
    Task<IReadOnlyList<string>> GetWarningsAsync(ContentItem item, ContentTypeDefinition type,
        CancellationToken cancellationToken = default);
}

/// <summary>
/// A module that shows some content types on pages of its own (the curriculum shows sections inside the
/// patient's program, with its own access rules) claims them here, so the generic <c>/innehall/…</c> page sends
/// readers there instead of showing the item outside those rules.
/// </summary>
public interface IContentRouteOwner
{
    bool Owns(string contentType);

    /// <summary>Where the published item is read, or null if it is not reachable as a page of its own.</summary>
    Task<string?> UrlAsync(string contentItemId, string contentType, CancellationToken cancellationToken = default);
}

/// <summary>
/// Narrows which published items a reader may see beyond "published and not deleted" (the curriculum hides locked
/// modules from a patient). Files and other things shown by items ask this, so they are hidden with them.
/// </summary>
public interface IContentVisibility
{
    /// <summary>The subset of <paramref name="contentItemIds"/> that <paramref name="user"/> may see.</summary>
    Task<IReadOnlySet<string>> VisibleAsync(System.Security.Claims.ClaimsPrincipal user, IReadOnlyCollection<string> contentItemIds,
        CancellationToken cancellationToken = default);
}
