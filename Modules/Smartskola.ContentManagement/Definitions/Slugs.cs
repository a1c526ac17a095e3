using System.Globalization;
using System.Text;

namespace Smartskola.ContentManagement.Definitions;

/// <summary>URL slugs from Swedish titles: "Smärta & sömn – del 1" → "smarta-och-somn-del-1".</summary>
public static class Slugs
{
    public const int MaxLength = 80;

    private static readonly Dictionary<char, string> Special = new()
    {
        ['å'] = "a", ['ä'] = "a", ['ö'] = "o", ['Å'] = "A", ['Ä'] = "A", ['Ö'] = "O",
        ['æ'] = "ae", ['Æ'] = "AE", ['ø'] = "o", ['Ø'] = "O", ['ß'] = "ss", ['ð'] = "d", ['þ'] = "th",
        ['ł'] = "l", ['Ł'] = "L", ['&'] = " och ",
    };

    /// <summary>Latin letters without diacritics; other characters are kept for the caller to filter.</summary>
    public static string Transliterate(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (Special.TryGetValue(c, out var replacement))
            {
                builder.Append(replacement);
                continue;
            }

            // é → e + combining accent; keep the base letter only.
            foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append(d);
                }
            }
        }

        return builder.ToString();
    }

    public static string From(string? text)
    {
        var ascii = Transliterate(text ?? string.Empty).ToLowerInvariant();
        var builder = new StringBuilder(ascii.Length);
        foreach (var c in ascii)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength].TrimEnd('-');
        }

        return slug;
    }

    public static bool IsValid(string? slug) => !string.IsNullOrEmpty(slug) && slug == From(slug);
}
