using System.Globalization;
using System.Text;

namespace Smartskola.Media.Library;

/// <summary>Turns typed folder and file names into store paths (lower case, a–z, 0–9, '-', '_', '.').</summary>
public static class MediaPaths
{
    /// <summary>"Bilder/Övningar " → "bilder/ovningar"; null if nothing valid is left of a segment.</summary>
    public static string? Folder(string? typed)
    {
        var segments = (typed ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Segment).ToList();
        return segments.Any(s => s.Length == 0) ? null : string.Join('/', segments);
    }

    /// <summary>"Min Bild (1).JPG" → "min-bild-1.jpg".</summary>
    public static string FileName(string typed)
    {
        var name = Path.GetFileName(typed.Replace('\\', '/'));
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var stem = Segment(Path.GetFileNameWithoutExtension(name));
        return (stem.Length == 0 ? "fil" : stem) + extension;
    }

    public static string Combine(string folder, string fileName) => folder.Length == 0 ? fileName : $"{folder}/{fileName}";

    public static string FolderOf(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : string.Empty;

    public static string NameOf(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string Segment(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant().Replace("å", "a").Replace("ä", "a").Replace("ö", "o")
                     .Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '.' ? c : '-');
        }

        var collapsed = builder.ToString();
        while (collapsed.Contains("--", StringComparison.Ordinal))
        {
            collapsed = collapsed.Replace("--", "-", StringComparison.Ordinal);
        }

        return collapsed.Trim('-', '.');
    }
}
