using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Smartskola.ContentManagement.Sanitizing;

namespace Smartskola.Tests.Unit;

public sealed partial class HtmlSanitizerTests
{
    private static readonly HtmlSanitizer Sanitizer = new();

    // The test's own copy of the allowlist, so a loosened rule in the sanitizer cannot loosen the test.
    private static readonly HashSet<string> AllowedElements =
    [
        "p", "br", "hr", "h2", "h3", "h4", "ul", "ol", "li", "strong", "b", "em", "i", "u", "s", "sub", "sup",
        "blockquote", "code", "pre", "span", "a", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
        "figure", "figcaption", "img", "audio", "video", "source", "track",
    ];

    private static readonly HashSet<string> GlobalAttributes = ["lang", "dir", "title", "class"];

    private static readonly Dictionary<string, HashSet<string>> ElementAttributes = new()
    {
        ["a"] = ["href", "rel"],
        ["img"] = ["src", "alt", "width", "height"],
        ["audio"] = ["src", "controls", "preload"],
        ["video"] = ["src", "controls", "preload", "poster"],
        ["source"] = ["src", "type"],
        ["track"] = ["src", "kind", "srclang", "label", "default"],
        ["th"] = ["colspan", "rowspan", "scope"],
        ["td"] = ["colspan", "rowspan"],
        ["ol"] = ["start", "type"],
    };

    private static readonly HashSet<string> AllowedClasses = ["align-left", "align-center", "align-right", "align-justify"];

    private static readonly string[] ForbiddenMarkup =
        ["<script", "<iframe", "<svg", "<math", "<object", "<embed", "<style", "<meta", "<base", "<link", "<form", "<!", "<?"];

    public static TheoryData<string> Vectors => new(XssVectors.All);

    public static TheoryData<string> GoodContent => new(GoodSamples.Select(sample => sample.Input));

    [Fact]
    public void There_are_at_least_100_distinct_vectors()
    {
        Assert.True(XssVectors.All.Length >= 100, $"Only {XssVectors.All.Length} vectors.");
        Assert.Equal(XssVectors.All.Length, XssVectors.All.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void A_known_XSS_vector_is_neutralized(string vector)
    {
        var output = Sanitizer.Sanitize(vector);

        AssertSafe(output);
        Assert.Equal(output, Sanitizer.Sanitize(output));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("<script>alert(1)</script>  ")]
    [InlineData("<!-- bara en kommentar -->")]
    public void Nothing_left_gives_an_empty_string(string? input) => Assert.Equal(string.Empty, Sanitizer.Sanitize(input));

    [Theory]
    [MemberData(nameof(GoodContent))]
    public void Allowed_content_is_kept_exactly(string input)
    {
        var expected = GoodSamples.Single(sample => sample.Input == input).Expected;
        var output = Sanitizer.Sanitize(input);

        Assert.Equal(expected, output);
        AssertSafe(output);
        Assert.Equal(output, Sanitizer.Sanitize(output));
    }

    [Theory]
    [InlineData("""<a href="jAvAsCrIpT&colon;alert(1)">klicka</a>""", "klicka")]
    [InlineData("""<a href="jav&#x09;ascript:alert(1)">klicka</a>""", "klicka")]
    [InlineData("""<a href="/\evil.example">klicka</a>""", "klicka")]
    [InlineData("""<img src=x onerror=alert(1)>text""", "text")]
    [InlineData("""<img src="/media/a.png" onerror=alert(1)>""", """<img src="/media/a.png">""")]
    [InlineData("""<p onclick="alert(1)" style="color:red" id="x">text</p>""", "<p>text</p>")]
    [InlineData("""<video src=x onerror=alert(1)>reserv</video>""", "")]
    [InlineData("""<noscript><p title="</noscript><img src=x onerror=alert(1)>">""", "")]
    [InlineData("""<a href="/x"><marquee><a href="/y">z</a></marquee></a>""", """<a href="/x" rel="noopener noreferrer">z</a>""")]
    public void Dangerous_parts_are_removed_and_the_rest_kept(string input, string expected) =>
        Assert.Equal(expected, Sanitizer.Sanitize(input));

    [Fact]
    public void Parallel_calls_give_the_same_result()
    {
        var inputs = XssVectors.All.Concat(GoodSamples.Select(sample => sample.Input)).ToArray();
        var expected = inputs.Select(Sanitizer.Sanitize).ToArray();
        var actual = new string[inputs.Length];

        Parallel.For(0, inputs.Length, i => actual[i] = Sanitizer.Sanitize(inputs[i]));

        Assert.Equal(expected, actual);
    }

    private static readonly (string Input, string Expected)[] GoodSamples =
    [
        ("<h2>Rubrik</h2><h3>Under</h3><h4>Minst</h4>", "<h2>Rubrik</h2><h3>Under</h3><h4>Minst</h4>"),
        ("<h1>Smärta</h1>", "<h2>Smärta</h2>"),
        ("<h5>a</h5><h6>b</h6>", "<h4>a</h4><h4>b</h4>"),
        ("<p>Första stycket.</p>\n<p>Andra <strong>viktigt</strong> och <em>betonat</em>.<br>Ny rad.</p>",
            "<p>Första stycket.</p>\n<p>Andra <strong>viktigt</strong> och <em>betonat</em>.<br>Ny rad.</p>"),
        ("<ul><li>Ett<ol start=\"3\" type=\"a\"><li>Tre</li></ol></li><li>Två</li></ul>",
            "<ul><li>Ett<ol start=\"3\" type=\"a\"><li>Tre</li></ol></li><li>Två</li></ul>"),
        ("<a href=\"https://www.1177.se/smarta\" target=\"_blank\">1177</a>",
            "<a href=\"https://www.1177.se/smarta\" rel=\"noopener noreferrer\">1177</a>"),
        ("<a href=\"mailto:smartskolan@example.se\">Mejla oss</a>",
            "<a href=\"mailto:smartskolan@example.se\" rel=\"noopener noreferrer\">Mejla oss</a>"),
        ("<a href=\"/moduler/2#ovning\">Modul 2</a> <a href=\"#toppen\">Upp</a>",
            "<a href=\"/moduler/2#ovning\" rel=\"noopener noreferrer\">Modul 2</a> <a href=\"#toppen\" rel=\"noopener noreferrer\">Upp</a>"),
        ("<table><caption>Sömn</caption><thead><tr><th scope=\"col\">Vecka</th><th scope=\"col\" colspan=\"2\">Timmar</th></tr></thead>"
            + "<tbody><tr><th scope=\"row\">1</th><td>6</td><td rowspan=\"1\">7</td></tr></tbody></table>",
            "<table><caption>Sömn</caption><thead><tr><th scope=\"col\">Vecka</th><th scope=\"col\" colspan=\"2\">Timmar</th></tr></thead>"
            + "<tbody><tr><th scope=\"row\">1</th><td>6</td><td rowspan=\"1\">7</td></tr></tbody></table>"),
        ("<figure><img src=\"/media/bilder/andning.png\" alt=\"Person som andas lugnt\" width=\"640\" height=\"480\"><figcaption>Andning</figcaption></figure>",
            "<figure><img src=\"/media/bilder/andning.png\" alt=\"Person som andas lugnt\" width=\"640\" height=\"480\"><figcaption>Andning</figcaption></figure>"),
        ("<audio src=\"/media/ljud/avslappning.mp3\" preload=\"metadata\"></audio>",
            "<audio src=\"/media/ljud/avslappning.mp3\" preload=\"metadata\" controls=\"\"></audio>"),
        ("<video poster=\"/media/film/omslag.jpg\"><source src=\"/media/film/rorelse.mp4\" type=\"video/mp4\"><track src=\"/media/film/rorelse.vtt\" kind=\"captions\" srclang=\"sv\" label=\"Svenska\" default></video>",
            "<video poster=\"/media/film/omslag.jpg\" controls=\"\"><source src=\"/media/film/rorelse.mp4\" type=\"video/mp4\"><track src=\"/media/film/rorelse.vtt\" kind=\"captions\" srclang=\"sv\" label=\"Svenska\" default=\"\"></video>"),
        ("<p style=\"text-align: center; color: red\">Mitten</p><h2 style=\"TEXT-ALIGN:Right\">Höger</h2>",
            "<p class=\"align-center\">Mitten</p><h2 class=\"align-right\">Höger</h2>"),
        ("<p class=\"align-justify stor\">Rak</p><p class=\"rod\">Röd</p>", "<p class=\"align-justify\">Rak</p><p>Röd</p>"),
        ("<div>Ett <font color=\"red\">rött</font> ord</div>", "Ett rött ord"),
        ("<p>1 &lt; 2 &amp; 3 > 2, \"citat\" och 'apostrof'</p>", "<p>1 &lt; 2 &amp; 3 &gt; 2, \"citat\" och 'apostrof'</p>"),
        ("<p>a < b && c</p>", "<p>a &lt; b &amp;&amp; c</p>"),
        ("<blockquote lang=\"en\" dir=\"ltr\" title=\"Citat\"><p>Pain is <i>inevitable</i>.</p></blockquote>",
            "<blockquote lang=\"en\" dir=\"ltr\" title=\"Citat\"><p>Pain is <i>inevitable</i>.</p></blockquote>"),
        ("<pre><code>var x = 1 &lt; 2;</code></pre><hr><p>H<sub>2</sub>O, x<sup>2</sup>, <u>u</u>, <s>s</s>, <b>b</b>, <span>s</span></p>",
            "<pre><code>var x = 1 &lt; 2;</code></pre><hr><p>H<sub>2</sub>O, x<sup>2</sup>, <u>u</u>, <s>s</s>, <b>b</b>, <span>s</span></p>"),
    ];

    /// <summary>Strict checks on the re-parsed output: anything not explicitly allowed fails the test.</summary>
    private static void AssertSafe(string output)
    {
        foreach (var forbidden in ForbiddenMarkup)
        {
            Assert.DoesNotContain(forbidden, output, StringComparison.OrdinalIgnoreCase);
        }

        var parser = new HtmlParser();
        var document = parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var nodes = parser.ParseFragment(output, document.Body!);
        var elements = nodes.OfType<IElement>()
            .SelectMany(element => element.DescendantsAndSelf<IElement>())
            .ToList();
        Assert.DoesNotContain(nodes, node => node is IComment || node.Descendants<IComment>().Any());

        foreach (var element in elements)
        {
            var name = element.LocalName;
            Assert.Equal(NamespaceNames.HtmlUri, element.NamespaceUri);
            Assert.True(AllowedElements.Contains(name), $"Element <{name}> is not allowed: {output}");
            foreach (var attribute in element.Attributes)
            {
                AssertAttribute(name, attribute.Name, attribute.Value, output);
            }

            if (name == "a")
            {
                Assert.Equal("noopener noreferrer", element.GetAttribute("rel"));
                Assert.True(element.HasAttribute("href"), $"<a> without href: {output}");
                Assert.Null(element.ParentElement?.Closest("a"));
            }

            if (name is "img" or "source" or "track")
            {
                Assert.True(element.HasAttribute("src"), $"<{name}> without src: {output}");
            }

            if (name is "audio" or "video")
            {
                Assert.True(element.HasAttribute("controls"), $"<{name}> without controls: {output}");
            }
        }
    }

    private static void AssertAttribute(string element, string attribute, string value, string output)
    {
        Assert.False(attribute.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"Handler {attribute}: {output}");
        Assert.False(attribute is "style" or "srcdoc" or "srcset" or "id" or "name" or "target" or "formaction",
            $"Attribute {attribute}: {output}");
        var allowed = GlobalAttributes.Contains(attribute)
            || (ElementAttributes.TryGetValue(element, out var own) && own.Contains(attribute));
        Assert.True(allowed, $"Attribute {attribute} on <{element}> is not allowed: {output}");

        switch (attribute)
        {
            case "href":
                Assert.Matches(SafeHrefRegex(), value);
                AssertHarmlessUrl(value, output);
                break;
            case "src" or "poster":
                Assert.StartsWith("/media/", value, StringComparison.Ordinal);
                Assert.DoesNotContain("//", value, StringComparison.Ordinal);
                Assert.DoesNotContain("\\", value, StringComparison.Ordinal);
                Assert.DoesNotContain("..", value.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase), StringComparison.Ordinal);
                Assert.DoesNotContain("%2f", value, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("%5c", value, StringComparison.OrdinalIgnoreCase);
                AssertHarmlessUrl(value, output);
                break;
            case "class":
                Assert.All(value.Split(' '), token => Assert.Contains(token, AllowedClasses));
                break;
            case "dir":
                Assert.Contains(value, new[] { "ltr", "rtl", "auto" });
                break;
            case "colspan" or "rowspan" or "width" or "height" or "start":
                Assert.Matches("^-?[0-9]+$", value);
                break;
            case "type" when element == "source":
                Assert.Matches("^(audio|video)/", value);
                break;
            default:
                break;
        }
    }

    private static void AssertHarmlessUrl(string value, string output)
    {
        Assert.DoesNotContain("<script", value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(value, c => char.IsControl(c) || c is '<' or '>' or '"' or '`');
        var squeezed = new string(value.Where(c => !char.IsWhiteSpace(c)).ToArray());
        Assert.False(squeezed.Contains("javascript:", StringComparison.OrdinalIgnoreCase), $"javascript: URL: {output}");
        Assert.False(squeezed.Contains("vbscript:", StringComparison.OrdinalIgnoreCase), $"vbscript: URL: {output}");
    }

    [GeneratedRegex("""^(https?:|mailto:|/(?![/\\])|#)""", RegexOptions.IgnoreCase)]
    private static partial Regex SafeHrefRegex();
}
