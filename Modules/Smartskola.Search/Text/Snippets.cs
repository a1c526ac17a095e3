using System.Net;
using System.Text;

namespace Smartskola.Search.Text;

/// <summary>
/// A short excerpt of a text around the best cluster of matching words, HTML-encoded, with the matches in
/// <c>&lt;mark&gt;</c>. Matching is by Swedish stem, so "sömnen" is marked for the query "sömn".
/// </summary>
public static class Snippets
{
    public static string Build(string text, IReadOnlyList<string> queryStems, int maxLength = 220)
    {
        var stems = queryStems.ToHashSet();
        var words = SearchText.Words(text).ToList();
        var matches = words.Where(w => stems.Contains(SearchText.Stem(w.Word)) || w.Word.Split('-').Any(p => stems.Contains(SearchText.Stem(p)))).ToList();
        if (text.Length == 0)
        {
            return string.Empty;
        }

        // Start a little before the first match of the window with the most matches.
        var bestStart = 0;
        var bestCount = 0;
        foreach (var match in matches)
        {
            var count = matches.Count(m => m.Start >= match.Start && m.Start < match.Start + maxLength - 40);
            if (count > bestCount)
            {
                (bestStart, bestCount) = (match.Start, count);
            }
        }

        var start = Math.Max(0, bestStart - 40);
        start = start == 0 ? 0 : WordBoundaryAfter(text, start);
        var end = Math.Min(text.Length, start + maxLength);
        end = end == text.Length ? end : WordBoundaryBefore(text, end, start);
        var marked = matches.Where(m => m.Start >= start && m.Start + m.Length <= end).ToList();

        var builder = new StringBuilder();
        if (start > 0)
        {
            builder.Append("… ");
        }

        var position = start;
        foreach (var match in marked)
        {
            builder.Append(WebUtility.HtmlEncode(text[position..match.Start]));
            builder.Append("<mark>").Append(WebUtility.HtmlEncode(text.Substring(match.Start, match.Length))).Append("</mark>");
            position = match.Start + match.Length;
        }

        builder.Append(WebUtility.HtmlEncode(text[position..end]));
        if (end < text.Length)
        {
            builder.Append(" …");
        }

        return builder.ToString();
    }

    private static int WordBoundaryAfter(string text, int index)
    {
        var space = text.IndexOf(' ', index);
        return space < 0 ? index : space + 1;
    }

    private static int WordBoundaryBefore(string text, int index, int floor)
    {
        var space = text.LastIndexOf(' ', index);
        return space <= floor ? index : space;
    }
}
