using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Smartskola.ContentManagement.Display;

/// <summary>Readable plain text of HTML, one block per line ("## " for headings, "• " for list items), for diffs.</summary>
public static class HtmlText
{
    private static readonly HtmlParser Parser = new();

    public static string ToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var document = Parser.ParseDocument($"<!doctype html><body>{html}</body>");
        var builder = new StringBuilder();
        Walk(document.Body!, builder);
        var lines = builder.ToString().Split('\n')
            .Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(l => l.Length > 0 && l is not ("##" or "###" or "####" or "•" or ">"));
        return string.Join('\n', lines);
    }

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
                continue;
            }

            if (child is not IElement element)
            {
                continue;
            }

            var (before, after) = element.TagName switch
            {
                "H1" or "H2" => ("\n## ", "\n"),
                "H3" => ("\n### ", "\n"),
                "H4" or "H5" or "H6" => ("\n#### ", "\n"),
                "LI" => ("\n• ", "\n"),
                "BLOCKQUOTE" => ("\n> ", "\n"),
                // Tiptap wraps list items in paragraphs: keep the text on the bullet's line.
                "P" when element.ParentElement?.TagName == "LI" && element.PreviousElementSibling is null => (string.Empty, "\n"),
                "P" or "TR" or "FIGCAPTION" or "PRE" or "CAPTION" or "DIV" or "UL" or "OL" or "TABLE" or "FIGURE" => ("\n", "\n"),
                "TD" or "TH" => (" | ", string.Empty),
                "BR" => ("\n", string.Empty),
                "IMG" => ($"[Bild: {element.GetAttribute("alt")}]", string.Empty),
                "AUDIO" => ("[Ljud]", string.Empty),
                "VIDEO" => ("[Film]", string.Empty),
                _ => (string.Empty, string.Empty),
            };
            text.Append(before);
            Walk(element, text);
            text.Append(after);
        }
    }
}
