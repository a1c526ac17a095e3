using System.Globalization;
using AngleSharp.Html.Parser;
using Smartskola.ContentManagement.Display;
using Smartskola.Media.Data;
using Smartskola.Media.Library;

namespace Smartskola.Media.Serving;

/// <summary>
/// Turns <c>&lt;img src="/media/p"&gt;</c> in sanitized rich text into the versioned URL with a <c>srcset</c> of WebP
/// derivatives, <c>sizes</c>, width, height and <c>loading="lazy"</c>. Images not in the library are left alone.
/// Only attribute values this filter computes are written, so the HTML stays as safe as the sanitizer left it.
/// </summary>
public sealed class ResponsiveImageFilter(MediaLibrary library) : IHtmlDisplayFilter
{
    private static readonly HtmlParser Parser = new();

    public async Task<string> FilterAsync(string html, CancellationToken cancellationToken = default)
    {
        if (!html.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            return html;
        }

        var document = Parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        // A list of its own: appending moves each node out of the parser's live list.
        var nodes = Parser.ParseFragment(html, document.Body!).ToList();
        foreach (var node in nodes)
        {
            document.Body!.AppendChild(node);
        }

        var images = document.Body!.QuerySelectorAll("img")
            .Select(img => (Element: img, Path: MediaReferences.PathOf(img.GetAttribute("src")))).Where(i => i.Path is not null).ToList();
        if (images.Count == 0)
        {
            return html;
        }

        var assets = await library.ByPathsAsync(images.Select(i => i.Path!), cancellationToken);
        foreach (var (img, path) in images)
        {
            if (!assets.TryGetValue(path!, out var asset) || asset.Kind != MediaKind.Image)
            {
                continue;
            }

            img.SetAttribute("src", MediaUrls.Versioned(asset));
            var srcset = MediaUrls.Srcset(asset);
            if (srcset.Length > 0)
            {
                img.SetAttribute("srcset", srcset);
                img.SetAttribute("sizes", MediaUrls.Sizes);
            }

            if (asset.Width is { } width && asset.Height is { } height)
            {
                img.SetAttribute("width", width.ToString(CultureInfo.InvariantCulture));
                img.SetAttribute("height", height.ToString(CultureInfo.InvariantCulture));
            }

            img.SetAttribute("loading", "lazy");
        }

        return document.Body!.InnerHtml;
    }
}
