using AngleSharp;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;

namespace Smartskola.ContentManagement.Sanitizing;

/// <summary>
/// Allowlist HTML sanitizer. The input is parsed as a body fragment exactly as a browser would parse it, and a
/// new tree is built from the parts that <see cref="HtmlAllowlist"/> accepts; nothing from the input is copied
/// unless it is named there. Thread-safe: every call works on its own parser and document.
/// </summary>
public sealed class HtmlSanitizer : IHtmlSanitizer
{
    // A clean tree may still serialize to markup that a parser rebuilds differently (e.g. a <p> that an unwrapped
    // element kept inside another <p>). Sanitizing is therefore repeated until the output is a fixed point, which
    // is what makes Sanitize(Sanitize(x)) == Sanitize(x) hold for every input.
    private const int MaxPasses = 4;

    private const string ContextDocument = "<!DOCTYPE html><html><head></head><body></body></html>";

    private static readonly HtmlParserOptions ParserOptions = new()
    {
        SkipComments = true,
        SkipProcessingInstructions = true,
    };

    public string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var current = SanitizeOnce(html);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var next = SanitizeOnce(current);
            if (string.Equals(next, current, StringComparison.Ordinal))
            {
                return current;
            }

            current = next;
        }

        // Never seen in practice: fall back to the text alone, which is always a fixed point.
        return AsPlainText(current);
    }

    private static string SanitizeOnce(string html)
    {
        var (document, nodes) = Parse(html);
        var output = document.CreateDocumentFragment();
        var pass = new Pass(document);
        foreach (var node in nodes)
        {
            pass.Copy(node, output);
        }

        return Serialize(output.ChildNodes);
    }

    private static string AsPlainText(string html)
    {
        var (document, nodes) = Parse(html);
        var text = string.Concat(nodes.Select(node => node.TextContent));
        return Serialize([document.CreateTextNode(text)]);
    }

    private static (IDocument Document, INodeList Nodes) Parse(string html)
    {
        var parser = new HtmlParser(ParserOptions);
        var document = parser.ParseDocument(ContextDocument);
        return (document, parser.ParseFragment(html, document.Body!));
    }

    private static string Serialize(IEnumerable<INode> nodes)
    {
        using var writer = new StringWriter();
        foreach (var node in nodes)
        {
            node.ToHtml(writer, HtmlMarkupFormatter.Instance);
        }

        var html = writer.ToString();
        return string.IsNullOrWhiteSpace(html) ? string.Empty : html;
    }

    /// <summary>One walk over a parsed fragment, building the clean tree in the same document.</summary>
    private sealed class Pass(IDocument document)
    {
        private CssParser? cssParser;
        private int linkDepth;

        public void Copy(INode node, INode target)
        {
            switch (node)
            {
                case IText text:
                    target.AppendChild(document.CreateTextNode(text.Data));
                    break;
                case IElement element:
                    CopyElement(element, target);
                    break;
                default:
                    // Comments, processing instructions, doctypes: dropped.
                    break;
            }
        }

        private void CopyChildren(INode source, INode target)
        {
            foreach (var child in source.ChildNodes)
            {
                Copy(child, target);
            }
        }

        private void CopyElement(IElement element, INode target)
        {
            // Foreign (SVG, MathML) elements only appear below <svg>/<math>, which are removed; refuse them anyway.
            if (element.NamespaceUri != NamespaceNames.HtmlUri)
            {
                return;
            }

            var name = element.LocalName.ToLowerInvariant();
            if (HtmlAllowlist.RemovedWithContent.Contains(name))
            {
                return;
            }

            name = HtmlAllowlist.Rename(name);
            if (!HtmlAllowlist.Elements.Contains(name) || IsDeadLink(name, element))
            {
                CopyChildren(element, target);
                return;
            }

            if (name is "source" or "track" && target is not IElement { LocalName: "audio" or "video" })
            {
                return;
            }

            var clean = document.CreateElement(name);
            CopyAttributes(element, clean, name);
            if (name is "img" or "source" or "track" && !clean.HasAttribute("src"))
            {
                return;
            }

            linkDepth += name == "a" ? 1 : 0;
            CopyChildren(element, clean);
            linkDepth -= name == "a" ? 1 : 0;

            if (HtmlAllowlist.IsMedia(name) && !clean.HasAttribute("src")
                && !clean.Children.Any(child => child.LocalName == "source"))
            {
                return;
            }

            target.AppendChild(clean);
        }

        /// <summary>A link without an acceptable href, or nested inside another link, is unwrapped.</summary>
        private bool IsDeadLink(string name, IElement element) =>
            name == "a" && (linkDepth > 0 || HtmlAllowlist.LinkUrl(element.GetAttribute("href") ?? string.Empty) is null);

        private void CopyAttributes(IElement source, IElement clean, string name)
        {
            string? classAlignment = null;
            string? styleAlignment = null;
            foreach (var attribute in source.Attributes)
            {
                if (attribute.NamespaceUri is not null)
                {
                    continue;
                }

                switch (attribute.Name)
                {
                    case "class":
                        classAlignment ??= attribute.Value
                            .Split(HtmlWhitespace, StringSplitOptions.RemoveEmptyEntries)
                            .FirstOrDefault(HtmlAllowlist.Classes.Contains);
                        break;
                    case "style":
                        styleAlignment ??= TextAlignment(attribute.Value);
                        break;
                    case "controls" or "rel":
                        // Set below, always in the same place, so the output is stable.
                        break;
                    default:
                        var value = HtmlAllowlist.Attribute(name, attribute.Name, attribute.Value);
                        if (value is not null)
                        {
                            clean.SetAttribute(attribute.Name, value);
                        }

                        break;
                }
            }

            var alignment = styleAlignment is null ? classAlignment : "align-" + styleAlignment;
            if (alignment is not null)
            {
                clean.SetAttribute("class", alignment);
            }

            if (HtmlAllowlist.IsMedia(name))
            {
                clean.SetAttribute("controls", string.Empty);
            }

            if (name == "a")
            {
                clean.SetAttribute("rel", HtmlAllowlist.LinkRel);
            }
        }

        /// <summary>Our CSP forbids inline styles: only text-align survives, as a class.</summary>
        private string? TextAlignment(string style)
        {
            cssParser ??= new CssParser();
            var declaration = cssParser.ParseDeclaration(style);
            var value = (declaration?.GetPropertyValue("text-align") ?? string.Empty).Trim().ToLowerInvariant();
            return HtmlAllowlist.TextAlignments.Contains(value) ? value : null;
        }

        private static readonly char[] HtmlWhitespace = [' ', '\t', '\n', '\f', '\r'];
    }
}
