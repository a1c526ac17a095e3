namespace Smartskola.Tests.Infrastructure;

public static class TestFiles
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}

/// <summary>Real media made with the same tools the site uses (vips, ffmpeg), for media-library tests.</summary>
public static class TestMedia
{
    /// <summary>Runs <paramref name="tool"/> with "{out}" in <paramref name="arguments"/> replaced by a temp file named <paramref name="fileName"/>; returns its bytes.</summary>
    public static async Task<byte[]> MakeAsync(string fileName, string tool, params string[] arguments)
    {
        var folder = Directory.CreateTempSubdirectory("smartskola-media-").FullName;
        try
        {
            var output = Path.Combine(folder, fileName);
            var start = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument.Replace("{out}", output, StringComparison.Ordinal));
            }

            using var process = System.Diagnostics.Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A grey JPEG of the given size.</summary>
    public static Task<byte[]> JpegAsync(int width, int height) =>
        MakeAsync("x.jpg", "sh", "-c", $"vips black \"$0.v\" {width} {height} --bands 3 && vips linear \"$0.v\" \"$0\" 1 128 && rm \"$0.v\"", "{out}");

    public static Task<byte[]> PngAsync(int width, int height) =>
        MakeAsync("x.png", "vips", "black", "{out}", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            height.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>One second of sine tone as OGG/Vorbis.</summary>
    public static Task<byte[]> OggAsync() => MakeAsync("x.ogg", "ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=d=1", "-c:a", "libvorbis", "{out}");

    /// <summary>One second of test picture as MP4/H.264.</summary>
    public static Task<byte[]> Mp4Async() => MakeAsync("x.mp4", "ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=d=1:s=320x240:r=10",
        "-c:v", "libx264", "-pix_fmt", "yuv420p", "{out}");

    public static byte[] Vtt => "WEBVTT\n\n00:00.000 --> 00:01.000\nHej\n"u8.ToArray();

    /// <summary>
    /// <paramref name="jpeg"/> with an APP1 Exif segment right after SOI carrying a GPS IFD (GPSLatitudeRef "N"),
    /// as a phone camera would write it.
    /// </summary>
    public static byte[] WithExifGps(byte[] jpeg)
    {
        var tiff = new List<byte>();
        tiff.AddRange("II"u8.ToArray());
        tiff.AddRange(BitConverter.GetBytes((ushort)42));
        tiff.AddRange(BitConverter.GetBytes(8u));
        // IFD0: one entry, the GPS IFD pointer.
        tiff.AddRange(BitConverter.GetBytes((ushort)1));
        tiff.AddRange(BitConverter.GetBytes((ushort)0x8825));
        tiff.AddRange(BitConverter.GetBytes((ushort)4));
        tiff.AddRange(BitConverter.GetBytes(1u));
        tiff.AddRange(BitConverter.GetBytes(26u));
        tiff.AddRange(BitConverter.GetBytes(0u));
        // GPS IFD: GPSLatitudeRef = "N".
        tiff.AddRange(BitConverter.GetBytes((ushort)1));
        tiff.AddRange(BitConverter.GetBytes((ushort)0x0001));
        tiff.AddRange(BitConverter.GetBytes((ushort)2));
        tiff.AddRange(BitConverter.GetBytes(2u));
        tiff.AddRange("N\0\0\0"u8.ToArray());
        tiff.AddRange(BitConverter.GetBytes(0u));
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        var segment = new byte[] { 0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF) }.Concat(payload);
        return jpeg.Take(2).Concat(segment).Concat(jpeg.Skip(2)).ToArray();
    }
}
