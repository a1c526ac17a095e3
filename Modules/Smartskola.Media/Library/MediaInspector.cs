using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Smartskola.Media.Library;

/// <summary>What a file is, found from its content.</summary>
/// <param name="Format">Short format name: jpeg, png, webp, gif, mp3, m4a, ogg, wav, mp4, webm, vtt, pdf.</param>
/// <param name="Extensions">File name endings that fit the content.</param>
public sealed record MediaFacts(MediaKind Kind, string Format, string MimeType, IReadOnlyList<string> Extensions,
    double? DurationSeconds = null, string? Codec = null, int? Width = null, int? Height = null);

/// <summary>Either the facts or a Swedish reason the file is refused.</summary>
public sealed record Inspection(MediaFacts? Facts, string? Error)
{
    public static Inspection Refused(string error) => new(null, error);
}

/// <summary>
/// Decides a file's type from its content: magic bytes for images and PDF, the "WEBVTT" header for captions, and
/// ffprobe's container and codecs for audio and video. The file name only has to agree with what was found.
/// </summary>
public sealed class MediaInspector(MediaTools tools)
{
    public const string SvgRefused = "SVG-bilder tas inte emot. Konvertera bilden till PNG och ladda upp den igen.";

    private static readonly HashSet<string> VideoCodecsMp4 = ["h264", "hevc", "av1", "mpeg4", "vp9"];
    private static readonly HashSet<string> VideoCodecsWebm = ["vp8", "vp9", "av1"];
    private static readonly HashSet<string> AudioCodecsMp4 = ["aac", "alac", "mp3"];

    /// <summary>Inspects <paramref name="file"/>; <paramref name="fileName"/> (as uploaded) must end in a fitting extension.</summary>
    public async Task<Inspection> InspectAsync(string file, string fileName, CancellationToken cancellationToken = default)
    {
        var head = new byte[1024];
        int read;
        await using (var stream = File.OpenRead(file))
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        if (read == 0)
        {
            return Inspection.Refused("Filen är tom.");
        }

        var facts = ByMagic(head.AsSpan(0, read));
        if (facts is null)
        {
            if (LooksLikeSvg(head.AsSpan(0, read)))
            {
                return Inspection.Refused(SvgRefused);
            }

            facts = await ProbeAsync(file, cancellationToken);
            if (facts is null)
            {
                return Inspection.Refused("Filtypen känns inte igen. Tillåtet är bilder (JPEG, PNG, WebP, GIF), ljud (MP3, M4A, OGG, WAV), "
                    + "film (MP4, WebM), undertexter (WebVTT) och PDF.");
            }
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!facts.Extensions.Contains(extension))
        {
            return Inspection.Refused($"Filen är {Describe(facts)} men namnet slutar på '{(extension.Length == 0 ? "(ingen filändelse)" : extension)}'. "
                + $"Byt filändelse till {string.Join(" eller ", facts.Extensions)}.");
        }

        return new Inspection(facts, null);
    }

    private static string Describe(MediaFacts facts) => facts.Kind switch
    {
        MediaKind.Image => $"en {facts.Format.ToUpperInvariant()}-bild",
        MediaKind.Audio => $"en {facts.Format.ToUpperInvariant()}-ljudfil",
        MediaKind.Video => $"en {facts.Format.ToUpperInvariant()}-film",
        MediaKind.Captions => "en WebVTT-undertextfil",
        _ => "en PDF",
    };

    private static MediaFacts? ByMagic(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return new(MediaKind.Image, "jpeg", "image/jpeg", [".jpg", ".jpeg"]);
        }

        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new(MediaKind.Image, "png", "image/png", [".png"]);
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return new(MediaKind.Image, "gif", "image/gif", [".gif"]);
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return new(MediaKind.Image, "webp", "image/webp", [".webp"]);
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return new(MediaKind.Pdf, "pdf", "application/pdf", [".pdf"]);
        }

        var text = head.StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        if (text.StartsWith("WEBVTT"u8) && (text.Length == 6 || text[6] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
        {
            return new(MediaKind.Captions, "vtt", "text/vtt", [".vtt"]);
        }

        return null;
    }

    private static bool LooksLikeSvg(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return (text.StartsWith("<svg", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<!DOCTYPE svg", StringComparison.OrdinalIgnoreCase))
            && text.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Audio and video: ffprobe's container and codecs, against a short list of what browsers play.</summary>
    private async Task<MediaFacts?> ProbeAsync(string file, CancellationToken cancellationToken)
    {
        var result = await tools.RunAsync("ffprobe",
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file], cancellationToken);
        if (!result.Succeeded)
        {
            return null;
        }

        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        if (!root.TryGetProperty("format", out var format) || !root.TryGetProperty("streams", out var streamList))
        {
            return null;
        }

        var container = format.TryGetProperty("format_name", out var name) ? name.GetString() ?? string.Empty : string.Empty;
        var duration = Number(format, "duration");
        var streams = streamList.EnumerateArray()
            // Cover art in an MP3 or M4A is a picture "stream", not a film.
            .Where(s => !(s.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var pic) && pic.GetInt32() == 1))
            .Select(s => (Type: Text(s, "codec_type"), Codec: Text(s, "codec_name"), Width: Int(s, "width"), Height: Int(s, "height")))
            .ToList();
        var video = streams.FirstOrDefault(s => s.Type == "video");
        var audio = streams.FirstOrDefault(s => s.Type == "audio");
        var hasVideo = video.Type is not null;
        var hasAudio = audio.Type is not null;

        return container switch
        {
            "mp3" when hasAudio && !hasVideo && audio.Codec == "mp3" =>
                new(MediaKind.Audio, "mp3", "audio/mpeg", [".mp3"], duration, audio.Codec),
            "wav" when hasAudio && !hasVideo => new(MediaKind.Audio, "wav", "audio/wav", [".wav"], duration, audio.Codec),
            "ogg" when hasAudio && !hasVideo && audio.Codec is "vorbis" or "opus" or "flac" =>
                new(MediaKind.Audio, "ogg", "audio/ogg", [".ogg"], duration, audio.Codec),
            "mov,mp4,m4a,3gp,3g2,mj2" when hasVideo && VideoCodecsMp4.Contains(video.Codec ?? string.Empty) =>
                new(MediaKind.Video, "mp4", "video/mp4", [".mp4"], duration, video.Codec, video.Width, video.Height),
            "mov,mp4,m4a,3gp,3g2,mj2" when !hasVideo && hasAudio && AudioCodecsMp4.Contains(audio.Codec ?? string.Empty) =>
                new(MediaKind.Audio, "m4a", "audio/mp4", [".m4a"], duration, audio.Codec),
            "matroska,webm" when hasVideo && VideoCodecsWebm.Contains(video.Codec ?? string.Empty)
                && (!hasAudio || audio.Codec is "opus" or "vorbis") =>
                new(MediaKind.Video, "webm", "video/webm", [".webm"], duration, video.Codec, video.Width, video.Height),
            _ => null,
        };
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static double? Number(JsonElement element, string property) =>
        Text(element, property) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? Math.Round(value, 3)
            : null;
}
