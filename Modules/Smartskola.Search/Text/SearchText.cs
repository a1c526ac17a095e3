using System.Globalization;
using System.Text;

namespace Smartskola.Search.Text;

/// <summary>Words of a text, lower-cased, and their Swedish stems: the one tokenizer used for indexing, queries and snippets.</summary>
public static class SearchText
{
    /// <summary>Each word with where it starts and its length in <paramref name="text"/>.</summary>
    public static IEnumerable<(int Start, int Length, string Word)> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && (char.IsLetterOrDigit(text[i]) || (start >= 0 && text[i] == '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])));
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                yield return (start, i - start, text[start..i].ToLower(CultureInfo.GetCultureInfo("sv-SE")));
                start = -1;
            }
        }
    }

    public static string Stem(string word) => SwedishStemmer.Stem(word);

    /// <summary>The stems of a text joined by spaces: what the SQLite full-text table indexes.</summary>
    public static string Terms(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var (_, _, word) in Words(text))
        {
            // Hyphenated words are indexed whole and by their parts ("smärt-bromsen" finds "bromsen").
            foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries).Append(word).Distinct())
            {
                builder.Append(Stem(part)).Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>Distinct stems of a query, at most 12 (a longer query adds nothing but cost).</summary>
    public static IReadOnlyList<string> QueryStems(string query) =>
        Words(query).Select(w => Stem(w.Word)).Where(s => s.Length > 0).Distinct().Take(12).ToList();
}
