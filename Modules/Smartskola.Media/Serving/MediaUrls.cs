using System.Globalization;
using Smartskola.Media.Data;
using Smartskola.Media.Library;

namespace Smartskola.Media.Serving;

/// <summary>
/// The three addresses of an asset: stable <c>/media/{path}</c> (revalidated), versioned <c>/media/_v/{revision}/{path}</c>
/// (immutable) and WebP derivatives <c>/media/_w/{width}/{revision}/{path}</c> (immutable).
/// </summary>
public static class MediaUrls
{
    /// <summary>For content columns of up to 40rem.</summary>
    public const string Sizes = "(max-width: 40rem) 100vw, 40rem";

    public static string Stable(string path) => MediaFileStore.UrlPrefix + path;

    public static string Versioned(MediaAsset asset) =>
        $"{MediaFileStore.UrlPrefix}_v/{asset.Revision.ToString(CultureInfo.InvariantCulture)}/{asset.Path}";

    public static string Derivative(MediaAsset asset, int width) =>
        $"{MediaFileStore.UrlPrefix}_w/{width.ToString(CultureInfo.InvariantCulture)}/{asset.Revision.ToString(CultureInfo.InvariantCulture)}/{asset.Path}";

    /// <summary>Widths the library made derivatives at for this asset (none for GIFs and non-images).</summary>
    public static IReadOnlyList<int> DerivativeWidths(MediaAsset asset) =>
        asset.Kind == MediaKind.Image && asset.MimeType != "image/gif" && asset.Width is { } width
            ? ImageProcessor.Widths.Where(w => w <= width).ToList()
            : [];

    /// <summary>"…/_w/320/… 320w, …, /media/_v/… 2000w"; empty when there are no derivatives.</summary>
    public static string Srcset(MediaAsset asset)
    {
        var widths = DerivativeWidths(asset);
        if (widths.Count == 0)
        {
            return string.Empty;
        }

        var candidates = widths.Select(w => $"{Derivative(asset, w)} {w.ToString(CultureInfo.InvariantCulture)}w").ToList();
        if (asset.Width is { } original && !widths.Contains(original))
        {
            candidates.Add($"{Versioned(asset)} {original.ToString(CultureInfo.InvariantCulture)}w");
        }

        return string.Join(", ", candidates);
    }
}
