using Smartskola.ContentManagement.Display;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Smartskola.ContentManagement;
using Smartskola.Core.Security;
using Smartskola.Media.Data;
using Smartskola.Media.Library;

namespace Smartskola.Media.Serving;

/// <summary>
/// Serves library files to signed-in users, with range requests and ETags. Staff with <c>Media.Manage</c> or
/// <c>Content.AccessAdmin</c> may fetch any asset; everyone else only assets shown by published content that is not
/// in the recycle bin (anything else is a 404, so drafts do not leak).
/// </summary>
public static class MediaEndpoints
{
    private const string Revalidate = "private, no-cache";
    private const string Immutable = "private, max-age=31536000, immutable";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/media/_v/{revision:int}/{**path}", (int revision, string path, HttpContext http,
                MediaLibrary library, MediaUsages usages, MediaFileStore store) =>
            ServeAsync(http, library, usages, path, asset => asset.Revision == revision
                ? File(http, store.Resolve(asset.Path), asset.MimeType, Immutable, asset, "v")
                : Results.Redirect(MediaUrls.Versioned(asset))))
            .RequireAuthorization();

        endpoints.MapGet("/media/_w/{width:int}/{revision:int}/{**path}", (int width, int revision, string path, HttpContext http,
                MediaLibrary library, MediaUsages usages, MediaFileStore store) =>
            ServeAsync(http, library, usages, path, asset =>
                !MediaUrls.DerivativeWidths(asset).Contains(width) ? Results.NotFound()
                : asset.Revision != revision ? Results.Redirect(MediaUrls.Derivative(asset, width))
                : File(http, store.DerivativePath(asset.Path, width), "image/webp", Immutable, asset, $"w{width}")))
            .RequireAuthorization();

        endpoints.MapGet("/media/{**path}", (string path, HttpContext http, MediaLibrary library, MediaUsages usages,
                MediaFileStore store) =>
            ServeAsync(http, library, usages, path, asset => File(http, store.Resolve(asset.Path), asset.MimeType, Revalidate, asset, "v")))
            .RequireAuthorization();
    }

    private static async Task<IResult> ServeAsync(HttpContext http, MediaLibrary library, MediaUsages usages, string path,
        Func<MediaAsset, IResult> serve)
    {
        if (!MediaFileStore.IsValidPath(path) || await library.FindByPathAsync(path, http.RequestAborted) is not { } asset)
        {
            return Results.NotFound();
        }

        var user = http.User;
        var mayFetchAll = user.HasPermission(MediaPermissions.Manage) || user.HasPermission(ContentPermissions.AccessAdmin);
        if (!mayFetchAll && !await MayReadAsync(http, usages, asset.Path))
        {
            return Results.NotFound();
        }

        return serve(asset);
    }

    /// <summary>Shown by a published item the reader may see (a patient: only items in modules open to them).</summary>
    private static async Task<bool> MayReadAsync(HttpContext http, MediaUsages usages, string path)
    {
        var items = await usages.PublishedUsersAsync(path, http.RequestAborted);
        IReadOnlySet<string> visible = items.ToHashSet();
        foreach (var filter in http.RequestServices.GetServices<IContentVisibility>())
        {
            visible = await filter.VisibleAsync(http.User, visible.ToList(), http.RequestAborted);
        }

        return visible.Count > 0;
    }

    private static IResult File(HttpContext http, string? file, string contentType, string cacheControl, MediaAsset asset, string variant)
    {
        if (file is null || !System.IO.File.Exists(file))
        {
            return Results.NotFound();
        }

        http.Response.Headers[HeaderNames.CacheControl] = cacheControl;
        var etag = new EntityTagHeaderValue($"\"{asset.Sha256[..16]}-{asset.Revision}-{variant}\"");
        return Results.File(file, contentType, entityTag: etag, lastModified: asset.UpdatedUtc, enableRangeProcessing: true);
    }
}
