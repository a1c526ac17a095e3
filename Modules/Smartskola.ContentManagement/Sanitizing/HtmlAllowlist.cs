using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Smartskola.ContentManagement.Sanitizing;

/// <summary>
/// The rules of <see cref="HtmlSanitizer"/>: which elements survive, which are removed with their content, and
/// which attribute values are accepted. Everything not named here is refused.
/// </summary>
internal static partial class HtmlAllowlist
{
    /// <summary>Elements kept as they are (after <see cref="Rename"/>).</summary>
    public static readonly FrozenSet<string> Elements = FrozenSet.Create(StringComparer.Ordinal,
    [
        "p", "br", "hr", "h2", "h3", "h4", "ul", "ol", "li", "strong", "b", "em", "i", "u", "s", "sub", "sup",
        "blockquote", "code", "pre", "span", "a", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
        "figure", "figcaption", "img", "audio", "video", "source", "track",
    ]);

    /// <summary>Elements removed together with everything inside them.</summary>
    public static readonly FrozenSet<string> RemovedWithContent = FrozenSet.Create(StringComparer.Ordinal,
    [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
        "noframes", "template", "svg", "math", "form", "input", "button", "textarea", "select", "option", "meta",
        "link", "base", "title", "head", "xml", "xmp", "plaintext", "param", "canvas", "dialog", "portal",
    ]);

    /// <summary>The only class names that may appear; they are produced from <c>text-align</c> as well.</summary>
    public static readonly FrozenSet<string> Classes = FrozenSet.Create(StringComparer.Ordinal,
        ["align-left", "align-center", "align-right", "align-justify"]);

    /// <summary>The <c>text-align</c> values honoured in a style attribute.</summary>
    public static readonly FrozenSet<string> TextAlignments = FrozenSet.Create(StringComparer.Ordinal,
        ["left", "center", "right", "justify"]);

    public const string LinkRel = "noopener noreferrer";

    /// <summary>h1 becomes h2 (the page title is the only h1); h5 and h6 become h4.</summary>
    public static string Rename(string element) => element switch
    {
        "h1" => "h2",
        "h5" or "h6" => "h4",
        _ => element,
    };

    public static bool IsMedia(string element) => element is "audio" or "video";

    /// <summary>
    /// The accepted, normalized value of an attribute, or <see langword="null"/> when the attribute is dropped.
    /// <c>class</c>, <c>style</c>, <c>controls</c> and <c>rel</c> are handled by the sanitizer itself.
    /// </summary>
    public static string? Attribute(string element, string attribute, string value) => (element, attribute) switch
    {
        (_, "title") => value,
        (_, "lang") => LanguageTag(value),
        (_, "dir") => OneOf(value, "ltr", "rtl", "auto"),
        ("a", "href") => LinkUrl(value),
        ("img", "src") or ("audio" or "video" or "source" or "track", "src") or ("video", "poster") => MediaUrl(value),
        ("img", "alt") => value,
        ("img", "width" or "height") => Integer(value, 1, 10_000),
        ("audio" or "video", "preload") => OneOf(value, "none", "metadata", "auto"),
        ("source", "type") => MediaTypeRegex().IsMatch(value) ? value : null,
        ("track", "kind") => OneOf(value, "captions", "subtitles", "descriptions", "chapters"),
        ("track", "srclang") => LanguageTag(value),
        ("track", "label") => value,
        ("track", "default") => string.Empty,
        ("th" or "td", "colspan" or "rowspan") => Integer(value, 1, 100),
        ("th", "scope") => OneOf(value, "row", "col", "rowgroup", "colgroup"),
        ("ol", "start") => Integer(value, -1_000_000, 1_000_000),
        ("ol", "type") => value is "1" or "a" or "A" or "i" or "I" ? value : null,
        _ => null,
    };

    /// <summary>
    /// A link target: http, https or mailto, a site-relative path ("/…" but not "//…" or "/\…") or a fragment.
    /// The value is the decoded attribute value, so entity-encoded schemes are seen as the browser sees them.
    /// </summary>
    public static string? LinkUrl(string value)
    {
        // Browsers drop tab and newlines anywhere in a URL and C0 controls and spaces at both ends.
        var url = value.Replace("\t", "", StringComparison.Ordinal)
            .Replace("\n", "", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal)
            .Trim(ControlsAndSpace);
        // Raw quotes and angle brackets never belong in a URL (a browser would percent-encode them).
        if (url.Length == 0 || url.Any(c => char.IsControl(c) || c is '<' or '>' or '"' or '`'))
        {
            return null;
        }

        if (url[0] == '#')
        {
            return url;
        }

        if (url[0] == '/')
        {
            return url.Length > 1 && url[1] is '/' or '\\' ? null : url;
        }

        var match = SchemeRegex().Match(url);
        return match.Success && match.Groups[1].Value.ToLowerInvariant() is "http" or "https" or "mailto" ? url : null;
    }

    /// <summary>
    /// A media-library URL: "/media/…" made of URL characters only (so no scheme, backslash, quote, whitespace or
    /// control character), with no "//", dot-dot segment (also percent-encoded) or encoded separator anywhere.
    /// </summary>
    public static string? MediaUrl(string value)
    {
        if (!MediaUrlRegex().IsMatch(value)
            || value.Contains("//", StringComparison.Ordinal)
            || value.Contains("%2f", StringComparison.OrdinalIgnoreCase)
            || value.Contains("%5c", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = value.Split('?', '#')[0];
        var hasDotSegment = path.Split('/')
            .Select(segment => segment.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase))
            .Any(segment => segment is "." or "..");
        return hasDotSegment ? null : value;
    }

    private static readonly char[] ControlsAndSpace =
        [.. Enumerable.Range(0, 0x21).Select(c => (char)c), '\u007f'];

    private static string? OneOf(string value, params string[] allowed)
    {
        var lower = value.Trim().ToLowerInvariant();
        return allowed.Contains(lower) ? lower : null;
    }

    private static string? Integer(string value, int min, int max) =>
        int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
        && number >= min && number <= max
            ? number.ToString(CultureInfo.InvariantCulture)
            : null;

    private static string? LanguageTag(string value) => LanguageTagRegex().IsMatch(value) ? value : null;

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*):")]
    private static partial Regex SchemeRegex();

    // Unreserved and sub-delimiter characters, ':', '@', '/', '%', '?' and '#' (no quotes, spaces or backslash).
    [GeneratedRegex("^/media/[A-Za-z0-9._~!$&()*+,;=:@%/?#-]*$")]
    private static partial Regex MediaUrlRegex();

    [GeneratedRegex("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTagRegex();

    [GeneratedRegex("""^(audio|video)/[A-Za-z0-9][A-Za-z0-9.+-]{0,60}(; ?codecs="[A-Za-z0-9., +-]{1,100}")?$""", RegexOptions.IgnoreCase)]
    private static partial Regex MediaTypeRegex();
}
