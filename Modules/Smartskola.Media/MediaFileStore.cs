using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Smartskola.Media;

/// <summary>
/// Media files on disk under one root, addressed by a relative path such as <c>bilder/andning.png</c> and served at
/// <c>/media/{path}</c>. Paths are checked so nothing outside the root can be named.
/// </summary>
public sealed partial class MediaFileStore(IOptions<MediaOptions> options, IHostEnvironment environment)
{
    public const string UrlPrefix = "/media/";

    /// <summary>File types the store accepts, by extension (the library also checks the content).</summary>
    public static readonly IReadOnlySet<string> AllowedExtensions = new HashSet<string>(StringComparer.Ordinal)
    {
        ".jpg", ".jpeg", ".png", ".webp", ".gif", ".mp3", ".m4a", ".ogg", ".wav", ".mp4", ".webm", ".vtt", ".pdf",
    };

    public string RootPath { get; } = Path.GetFullPath(Path.IsPathRooted(options.Value.Root)
        ? options.Value.Root
        : Path.Combine(environment.ContentRootPath, options.Value.Root));

    /// <summary>Lower-case folders and names of a–z, 0–9, '-', '_' and '.', no empty or dot segments, an allowed extension.</summary>
    public static bool IsValidPath(string? path) =>
        path is { Length: > 0 and <= 300 } && SafePath().IsMatch(path)
        && path.Split('/').All(segment => segment.Length > 0 && segment.Trim('.').Length > 0)
        && AllowedExtensions.Contains(Path.GetExtension(path));

    /// <summary>The file's full path, or null if the path is not valid.</summary>
    public string? Resolve(string path)
    {
        if (!IsValidPath(path))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(RootPath, path));
        return full.StartsWith(RootPath + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>Copies a file into the store (replacing any file at that path), via a temporary file so readers never see half a file.</summary>
    public async Task SaveAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        var target = Resolve(path) ?? throw new ArgumentException($"Invalid media path '{path}'.", nameof(path));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + $".{Guid.NewGuid():N}.tmp";
        await using (var file = File.Create(temporary))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>
    /// Where the WebP derivative of <paramref name="path"/> at <paramref name="width"/> lives: under <c>_w/</c>, a folder no
    /// valid asset path can name (paths start with a letter or digit).
    /// </summary>
    public string? DerivativePath(string path, int width) =>
        Resolve(path) is null ? null : Path.Combine(RootPath, "_w", width.ToString(System.Globalization.CultureInfo.InvariantCulture), path + ".webp");

    /// <summary>A folder for files being prepared (uploads, derivatives), on the same disk so moves are atomic.</summary>
    public string StagingPath
    {
        get
        {
            var staging = Path.Combine(RootPath, "_staging");
            Directory.CreateDirectory(staging);
            return staging;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._/-]*$")]
    private static partial Regex SafePath();
}
