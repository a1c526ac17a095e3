using System.Globalization;

namespace Smartskola.Media.Library;

/// <summary>A prepared image: the cleaned original and its WebP derivatives by width, all in a work folder.</summary>
public sealed record ProcessedImage(string Original, int Width, int Height, IReadOnlyDictionary<int, string> Derivatives);

/// <summary>
/// Images with libvips: the original is rotated upright and re-encoded without metadata (EXIF, GPS, XMP, ICC
/// comments), and WebP derivatives are made at <see cref="Widths"/> up to the original's width. GIFs are kept as they
/// are (re-encoding would lose animation) and get no derivatives.
/// </summary>
public sealed class ImageProcessor(MediaTools tools)
{
    /// <summary>Widths of the responsive derivatives.</summary>
    public static readonly IReadOnlyList<int> Widths = [320, 640, 1024, 1600];

    /// <summary>Null with <paramref name="error"/> set when the image cannot be read.</summary>
    public async Task<(ProcessedImage? Image, string? Error)> ProcessAsync(string source, string format, string workFolder,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(workFolder);
        var original = Path.Combine(workFolder, "original." + format);
        if (format == "gif")
        {
            File.Copy(source, original, overwrite: true);
        }
        else
        {
            var options = format switch
            {
                "jpeg" => "[strip,Q=90]",
                "webp" => "[strip,Q=90]",
                _ => "[strip]",
            };
            var cleaned = await tools.RunAsync("vips", ["autorot", source, original + options], cancellationToken);
            if (!cleaned.Succeeded)
            {
                return (null, "Bilden kunde inte läsas. Kontrollera att filen är hel och försök igen.");
            }

            if (format == "webp")
            {
                await WebpMetadata.StripAsync(original, cancellationToken);
            }
        }

        var width = await HeaderAsync(original, "width", cancellationToken);
        var height = await HeaderAsync(original, "height", cancellationToken);
        if (width is null || height is null)
        {
            return (null, "Bilden kunde inte läsas. Kontrollera att filen är hel och försök igen.");
        }

        var derivatives = new Dictionary<int, string>();
        if (format != "gif")
        {
            foreach (var target in Widths.Where(w => w <= width))
            {
                var output = Path.Combine(workFolder, $"w{target}.webp");
                var made = await tools.RunAsync("vipsthumbnail",
                    [original, "-s", $"{target}x", "-o", output + "[Q=80,strip]"], cancellationToken);
                if (!made.Succeeded || !File.Exists(output))
                {
                    return (null, "Bilden kunde inte skalas om. Försök igen eller välj en annan bild.");
                }

                await WebpMetadata.StripAsync(output, cancellationToken);
                derivatives[target] = output;
            }
        }

        return (new ProcessedImage(original, width.Value, height.Value, derivatives), null);
    }

    private async Task<int?> HeaderAsync(string file, string field, CancellationToken cancellationToken)
    {
        var result = await tools.RunAsync("vipsheader", ["-f", field, file], cancellationToken);
        return result.Succeeded && int.TryParse(result.Output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }
}
