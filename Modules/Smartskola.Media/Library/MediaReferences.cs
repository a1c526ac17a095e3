using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Smartskola.Media.Library;

/// <summary>
/// Finds media-library paths in a content item's JSON: media-field values (<c>{"path": "bilder/x.jpg"}</c>) and
/// <c>/media/…</c> URLs in any string (rich text), including the versioned <c>/media/_v/{revision}/…</c> and derivative
/// <c>/media/_w/{width}/{revision}/…</c> forms.
/// </summary>
public static partial class MediaReferences
{
    public static HashSet<string> Paths(JsonNode? node)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        Collect(node, found);
        return found;
    }

    /// <summary>The store path a media URL names, or null: <c>/media/_v/3/bilder/x.jpg</c> → <c>bilder/x.jpg</c>.</summary>
    public static string? PathOf(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var match = Url().Match(url);
        return match.Success && match.Index == 0 && MediaFileStore.IsValidPath(match.Groups["path"].Value) ? match.Groups["path"].Value : null;
    }

    private static void Collect(JsonNode? node, HashSet<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "path" && value is JsonValue pathValue && pathValue.TryGetValue<string>(out var path)
                        && MediaFileStore.IsValidPath(path))
                    {
                        found.Add(path);
                    }
                    else
                    {
                        Collect(value, found);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, found);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("/media/", StringComparison.Ordinal):
                foreach (Match match in Url().Matches(text))
                {
                    if (MediaFileStore.IsValidPath(match.Groups["path"].Value))
                    {
                        found.Add(match.Groups["path"].Value);
                    }
                }

                break;
        }
    }

    [GeneratedRegex("/media/(?:_v/[0-9]+/|_w/[0-9]+/[0-9]+/)?(?<path>[a-z0-9][a-z0-9._/-]*[a-z0-9])")]
    private static partial Regex Url();
}
