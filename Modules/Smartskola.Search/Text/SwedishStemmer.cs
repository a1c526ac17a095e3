namespace Smartskola.Search.Text;

/// <summary>
/// The Snowball stemmer for Swedish (https://snowballstem.org/algorithms/swedish/stemmer.html).
/// </summary>
/// <remarks>
/// <para>
/// The output must match PostgreSQL's <c>swedish_stem</c> dictionary token for token: the PostgreSQL
/// search provider stems on the database side, the SQLite provider stems here, and a query has to find
/// the same documents on both.
/// </para>
/// <para>
/// The caller lowercases the word. Å, Ä and Ö are single UTF-16 code units, so indexing chars is the
/// same as indexing letters, which is what the algorithm's regions count.
/// </para>
/// <para>
/// Every step of the Swedish algorithm only removes letters from the end ("löst" → "lös" and
/// "fullt" → "full" both just drop the final "t"), so the stem is always a prefix of the input. The
/// stemmer therefore only moves an end index over a span and allocates at most one string, and none when
/// the word is already a stem.
/// </para>
/// </remarks>
public static class SwedishStemmer
{
    // Step 1 suffixes, longest first. Snowball's "among" picks the longest suffix that lies inside R1,
    // so the first hit in this order is the one it would pick. "s" is handled separately because it
    // carries a condition on the preceding letter.
    private static readonly string[] MainSuffixes =
    [
        "heterna",
        "hetens",
        "anden", "heten", "heter", "arnas", "ernas", "ornas", "andes", "arens", "andet",
        "arna", "erna", "orna", "ande", "arne", "aste", "aren", "ades", "erns",
        "ade", "are", "ern", "ens", "het", "ast",
        "ad", "en", "ar", "er", "or", "as", "es", "at",
        "a", "e",
    ];

    /// <summary>Returns the Snowball Swedish stem of a lowercase word.</summary>
    /// <param name="word">The word, already lowercased by the caller.</param>
    /// <returns>The stem; the same instance when nothing is removed.</returns>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);

        ReadOnlySpan<char> span = word;
        var r1 = R1Start(span);

        var end = span.Length;
        end = RemoveMainSuffix(span, end, r1);
        end = UndoubleConsonantPair(span, end, r1);
        end = RemoveOtherSuffix(span, end, r1);

        return end == word.Length ? word : word[..end];
    }

    /// <summary>
    /// R1 starts after the first non-vowel that follows a vowel, but never before the fourth letter, so
    /// short words keep at least three letters of their stem. Returns the length (an empty R1) when
    /// there is no such position; a word shorter than three letters has no R1 at all.
    /// </summary>
    private static int R1Start(ReadOnlySpan<char> word)
    {
        // Snowball's "hop 3" fails on words shorter than three letters, which aborts the whole region
        // marking and leaves R1 empty.
        if (word.Length < 3)
        {
            return word.Length;
        }

        var i = 0;
        while (i < word.Length && !IsVowel(word[i]))
        {
            i++;
        }

        while (i < word.Length && IsVowel(word[i]))
        {
            i++;
        }

        if (i >= word.Length)
        {
            return word.Length;
        }

        // i is the first non-vowel after a vowel; R1 begins right after it.
        return Math.Max(i + 1, 3);
    }

    /// <summary>Step 1: remove the longest main suffix found in R1.</summary>
    private static int RemoveMainSuffix(ReadOnlySpan<char> word, int end, int r1)
    {
        var current = word[..end];
        foreach (var suffix in MainSuffixes)
        {
            if (current.EndsWith(suffix, StringComparison.Ordinal))
            {
                // A longer suffix that reaches out of R1 does not match at all, a shorter one that fits
                // may still do, so keep looking instead of stopping here.
                if (end - suffix.Length >= r1)
                {
                    return end - suffix.Length;
                }
            }
        }

        // "s" is only the longest match when nothing above matched. It lies in R1, but the letter
        // before it does not have to: the condition is checked outside the region limit.
        if (end - 1 >= r1 && end >= 2 && current[end - 1] == 's' && IsValidSEnding(current[end - 2]))
        {
            return end - 1;
        }

        return end;
    }

    /// <summary>Step 2: if R1 ends with one of dd gd nn dt gt kt tt, drop the last letter.</summary>
    private static int UndoubleConsonantPair(ReadOnlySpan<char> word, int end, int r1)
    {
        // Both letters of the pair must lie inside R1.
        if (end - 2 < r1)
        {
            return end;
        }

        var pair = (word[end - 2], word[end - 1]);
        return pair is ('d', 'd') or ('g', 'd') or ('n', 'n') or ('d', 't') or ('g', 't') or ('k', 't') or ('t', 't')
            ? end - 1
            : end;
    }

    /// <summary>Step 3: lig, ig, els are removed; löst becomes lös and fullt becomes full (all in R1).</summary>
    private static int RemoveOtherSuffix(ReadOnlySpan<char> word, int end, int r1)
    {
        var current = word[..end];

        // Longest first, as Snowball's "among" does; each match must lie wholly inside R1.
        if (EndsInRegion(current, "fullt", r1) || EndsInRegion(current, "löst", r1))
        {
            // Both replacements only drop the final "t".
            return end - 1;
        }

        if (EndsInRegion(current, "lig", r1) || EndsInRegion(current, "els", r1))
        {
            return end - 3;
        }

        if (EndsInRegion(current, "ig", r1))
        {
            return end - 2;
        }

        return end;
    }

    private static bool EndsInRegion(ReadOnlySpan<char> current, string suffix, int r1) =>
        current.Length - suffix.Length >= r1 && current.EndsWith(suffix, StringComparison.Ordinal);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ä' or 'å' or 'ö';

    private static bool IsValidSEnding(char c) =>
        c is 'b' or 'c' or 'd' or 'f' or 'g' or 'h' or 'j' or 'k' or 'l' or 'm' or 'n' or 'o' or 'p' or 'r' or 't' or 'v' or 'y';
}
