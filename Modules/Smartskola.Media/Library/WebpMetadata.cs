using System.Buffers.Binary;

namespace Smartskola.Media.Library;

/// <summary>
/// Removes EXIF and XMP chunks from a WebP file. libvips 8.14 writes a small EXIF block of its own (resolution,
/// orientation) into WebP even with <c>strip</c>; derivatives and WebP originals must carry no metadata at all.
/// </summary>
public static class WebpMetadata
{
    private const byte ExifFlag = 0x08;
    private const byte XmpFlag = 0x04;

    public static async Task StripAsync(string file, CancellationToken cancellationToken = default)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        if (bytes.Length < 12 || !bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8))
        {
            return;
        }

        var output = new List<byte>(bytes.Length);
        output.AddRange(bytes.AsSpan(0, 12).ToArray());
        var removed = false;
        var position = 12;
        while (position + 8 <= bytes.Length)
        {
            var fourCc = System.Text.Encoding.ASCII.GetString(bytes, position, 4);
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position + 4, 4));
            var total = 8 + size + (size % 2);
            if (position + total > bytes.Length)
            {
                total = bytes.Length - position;
            }

            if (fourCc is "EXIF" or "XMP ")
            {
                removed = true;
            }
            else
            {
                var chunk = bytes.AsSpan(position, total).ToArray();
                if (fourCc == "VP8X" && chunk.Length > 8)
                {
                    chunk[8] &= unchecked((byte)~(ExifFlag | XmpFlag));
                }

                output.AddRange(chunk);
            }

            position += total;
        }

        if (!removed)
        {
            return;
        }

        var result = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4, 4), (uint)(result.Length - 8));
        await File.WriteAllBytesAsync(file, result, cancellationToken);
    }
}
