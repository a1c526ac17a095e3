using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Items;
using Smartskola.Media.Data;
using Smartskola.Media.Fields;
using Smartskola.Media.Library;

namespace Smartskola.Media.Publishing;

/// <summary>
/// The accessibility rules for media in an item: every image shown has alternative text, every film has captions,
/// every sound has a transcript, and every referenced file exists in the library. Used to refuse publishing and
/// to warn in the editor.
/// </summary>
public sealed class MediaRules(MediaLibrary library)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Problems as Swedish phrases ("bilden bilder/x.jpg saknar alternativtext"), each once, in order found.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(ContentItem item, ContentTypeDefinition type,
        CancellationToken cancellationToken = default)
    {
        var uses = new List<Use>();
        foreach (var part in type.Parts)
        {
            foreach (var field in part.Fields.Where(f => f.Kind == MediaFieldDriver.KindName))
            {
                var data = MediaFieldDriver.ReadData(item.Element(part.Name, field.Name));
                if (data.Path.Length > 0)
                {
                    uses.Add(new Use(data.Path, MediaFieldDriver.ExpectedKind(field.Settings), data.Alt.Trim().Length > 0, HasTrack: false, FromField: true));
                }
            }
        }

        CollectHtml(item.Content, uses);
        var assets = await library.ByPathsAsync(uses.Select(u => u.Path), cancellationToken);
        var problems = new List<string>();
        foreach (var use in uses)
        {
            if (!assets.TryGetValue(use.Path, out var asset))
            {
                problems.Add($"filen {use.Path} finns inte i mediebiblioteket");
                continue;
            }

            var problem = asset.Kind switch
            {
                MediaKind.Image when !use.HasAlt && (!use.FromField || asset.AltText.Trim().Length == 0) =>
                    $"bilden {asset.Path} saknar alternativtext",
                MediaKind.Video when asset.CaptionsPath is null && !use.HasTrack => $"filmen {asset.Path} saknar undertexter",
                MediaKind.Audio when asset.Transcript.Trim().Length == 0 => $"ljudet {asset.Path} saknar transkription",
                _ => null,
            };
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return problems.Distinct().ToList();
    }

    /// <summary>The cancel reason: "Kan inte publiceras: filmen … saknar undertexter; bilden … saknar alternativtext".</summary>
    public static string Reason(IReadOnlyList<string> problems) => "Kan inte publiceras: " + string.Join("; ", problems) + ".";

    /// <summary>Rich text anywhere in the item: img, video and audio with media-library sources.</summary>
    private static void CollectHtml(JsonNode? node, List<Use> uses)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    CollectHtml(value, uses);
                }

                break;
            case JsonArray array:
                foreach (var value in array)
                {
                    CollectHtml(value, uses);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains('<')
                && (text.Contains("<img", StringComparison.OrdinalIgnoreCase) || text.Contains("<video", StringComparison.OrdinalIgnoreCase)
                    || text.Contains("<audio", StringComparison.OrdinalIgnoreCase)):
                var document = Parser.ParseDocument(text);
                foreach (var img in document.QuerySelectorAll("img"))
                {
                    if (MediaReferences.PathOf(img.GetAttribute("src")) is { } path)
                    {
                        uses.Add(new Use(path, MediaKind.Image, (img.GetAttribute("alt") ?? string.Empty).Trim().Length > 0, false, false));
                    }
                }

                foreach (var player in document.QuerySelectorAll("video, audio"))
                {
                    var hasTrack = player.QuerySelectorAll("track").Any(t => t.GetAttribute("kind") is "captions" or "subtitles"
                        && MediaReferences.PathOf(t.GetAttribute("src")) is not null);
                    var sources = new[] { player.GetAttribute("src") }.Concat(player.QuerySelectorAll("source").Select(s => s.GetAttribute("src")));
                    foreach (var path in sources.Select(MediaReferences.PathOf).OfType<string>())
                    {
                        uses.Add(new Use(path, null, false, hasTrack, false));
                    }
                }

                break;
        }
    }

    private sealed record Use(string Path, MediaKind? Expected, bool HasAlt, bool HasTrack, bool FromField);
}
