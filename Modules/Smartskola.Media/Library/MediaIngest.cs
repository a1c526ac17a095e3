using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Smartskola.Media.Library;

/// <summary>
/// A file made ready for the store in a staging folder of its own: checked by content, within its kind's size limit,
/// cleaned (images) and with derivatives. Disposing deletes the staging folder, whatever happened.
/// </summary>
public sealed class PreparedMedia(string workFolder, MediaFacts facts, string file, long size, string sha256,
    IReadOnlyDictionary<int, string> derivatives) : IDisposable
{
    public MediaFacts Facts { get; } = facts;

    /// <summary>The file to store (for images the cleaned original).</summary>
    public string File { get; } = file;

    public long Size { get; } = size;

    public string Sha256 { get; } = sha256;

    public IReadOnlyDictionary<int, string> Derivatives { get; } = derivatives;

    public string WorkFolder { get; } = workFolder;

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next clean-up; nothing refers to it.
        }
    }
}

/// <summary>Receives a file into staging and prepares it (see <see cref="PreparedMedia"/>).</summary>
public sealed class MediaIngest(MediaFileStore store, MediaInspector inspector, ImageProcessor images, IOptions<MediaOptions> options)
{
    /// <summary>Throws <see cref="MediaException"/> (400 or 413) when the file is refused; nothing is left behind then.</summary>
    public async Task<PreparedMedia> PrepareAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var limits = options.Value.Limits;
        var work = Path.Combine(store.StagingPath, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var upload = Path.Combine(work, "upload");
            await using (var target = File.Create(upload))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > limits.Largest)
                    {
                        throw new MediaException($"Filen är för stor. Största tillåtna storlek är {MediaLimits.Format(limits.Largest)}.", 413);
                    }

                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            var inspection = await inspector.InspectAsync(upload, fileName, cancellationToken);
            if (inspection.Facts is not { } facts)
            {
                throw new MediaException(inspection.Error!);
            }

            var size = new FileInfo(upload).Length;
            if (size > limits.For(facts.Kind))
            {
                throw new MediaException($"Filen är för stor: {MediaLimits.Format(size)}. Största tillåtna storlek för "
                    + $"{MediaKindText.Name(facts.Kind).ToLowerInvariant()} är {MediaLimits.Format(limits.For(facts.Kind))}.", 413);
            }

            var file = upload;
            IReadOnlyDictionary<int, string> derivatives = new Dictionary<int, string>();
            if (facts.Kind == MediaKind.Image)
            {
                var (image, error) = await images.ProcessAsync(upload, facts.Format, Path.Combine(work, "image"), cancellationToken);
                if (image is null)
                {
                    throw new MediaException(error!);
                }

                file = image.Original;
                derivatives = image.Derivatives;
                facts = facts with { Width = image.Width, Height = image.Height };
            }

            return new PreparedMedia(work, facts, file, new FileInfo(file).Length, await HashAsync(file, cancellationToken), derivatives);
        }
        catch
        {
            Directory.Delete(work, recursive: true);
            throw;
        }
    }

    private static async Task<string> HashAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
