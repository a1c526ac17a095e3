using System.Text.Json;
using Smartskola.Core.Recipes;
using Smartskola.Media.Library;

namespace Smartskola.Media.Recipes;

/// <summary>
/// <c>{"name": "media", "files": [...]}</c>: registers files in the media library, checked and processed like an
/// upload. Each entry has a <c>path</c> and either a <c>source</c> (relative to the recipe's folder, never outside it)
/// or a <c>speak</c> text that espeak-ng reads in Swedish (the path must end in .ogg or .mp3); optional <c>alt</c>,
/// <c>transcript</c> and <c>captions</c> (the path of a .vtt in the library or in this step). An existing file at the
/// path is replaced. Put this step before the content that uses the files.
/// </summary>
public sealed class MediaRecipeStep(MediaLibrary library, MediaInspector inspector, SpeechSynthesizer speech) : IRecipeStep
{
    public string Name => "media";

    public async Task<IReadOnlyList<string>> ValidateAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var files = RecipeJson.Array(step, "files", errors);
        var paths = files.Select(f => RecipeJson.OptionalString(f, "path")).OfType<string>().ToHashSet();
        for (var i = 0; i < files.Count; i++)
        {
            var where = $"files[{i}]";
            var path = RecipeJson.RequiredString(files[i], "path", where, errors);
            var source = RecipeJson.OptionalString(files[i], "source");
            var text = RecipeJson.OptionalString(files[i], "speak");
            if (path.Length > 0 && !MediaFileStore.IsValidPath(path))
            {
                errors.Add($"{where}: 'path' '{path}' är ogiltig (små bokstäver a–z, 0–9, '-', '_', '.', '/' och en tillåten filtyp: "
                    + string.Join(", ", MediaFileStore.AllowedExtensions.Order()) + ").");
                continue;
            }

            if ((source is null) == (text is null))
            {
                errors.Add($"{where}: ange antingen 'source' (en fil bredvid receptet) eller 'speak' (text som läses upp).");
            }
            else if (text is not null)
            {
                if (!SpeechSynthesizer.Supports(path))
                {
                    errors.Add($"{where}: 'path' '{path}' måste sluta på .ogg eller .mp3 när ljudet skapas med 'speak'.");
                }
                else if (MediaTools.Missing(SpeechSynthesizer.Tools) is { Count: > 0 } missing)
                {
                    errors.Add($"{where}: 'speak' behöver {string.Join(" och ", missing)}, som saknas på servern "
                        + "(apt-get install -y espeak-ng ffmpeg).");
                }
            }
            else if (source is not null && path.Length > 0)
            {
                var full = SourcePath(context, source);
                if (full is null || !File.Exists(full))
                {
                    errors.Add($"{where}: 'source' '{source}' finns inte bredvid receptet.");
                }
                else if (MediaTools.Missing("vips", "vipsthumbnail", "vipsheader", "ffprobe") is { Count: > 0 } missing)
                {
                    errors.Add($"{where}: mediebiblioteket behöver {string.Join(", ", missing)}, som saknas på servern "
                        + "(apt-get install -y libvips-tools ffmpeg).");
                }
                else if ((await inspector.InspectAsync(full, path, cancellationToken)).Error is { } refused)
                {
                    errors.Add($"{where}: 'source' '{source}': {refused}");
                }
            }

            if (RecipeJson.OptionalString(files[i], "captions") is { } captions
                && (!MediaFileStore.IsValidPath(captions) || !captions.EndsWith(".vtt", StringComparison.Ordinal)
                    || (!paths.Contains(captions) && await library.FindByPathAsync(captions, cancellationToken) is null)))
            {
                errors.Add($"{where}: 'captions' '{captions}' ska vara en .vtt-fil i samma steg eller i mediebiblioteket.");
            }
        }

        return errors;
    }

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var files = step.GetProperty("files").EnumerateArray().ToList();
        // Files first, then what refers to them (a film's captions may come later in the list).
        for (var i = 0; i < files.Count; i++)
        {
            await RunAsync(i, () => StoreAsync(files[i], context, cancellationToken));
        }

        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            await RunAsync(i, async () =>
            {
                var asset = (await library.FindByPathAsync(file.GetProperty("path").GetString()!, cancellationToken))!;
                await library.UpdateAsync(asset.Id, new MediaMetadata(
                    RecipeJson.OptionalString(file, "alt") ?? asset.AltText,
                    RecipeJson.OptionalString(file, "transcript") ?? asset.Transcript,
                    RecipeJson.OptionalString(file, "captions") ?? asset.CaptionsPath), cancellationToken);
            });
        }
    }

    private async Task StoreAsync(JsonElement file, RecipeContext context, CancellationToken cancellationToken)
    {
        var path = file.GetProperty("path").GetString()!;
        var source = RecipeJson.OptionalString(file, "speak") is { } text
            ? await speech.SynthesizeAsync(text, Path.GetExtension(path), cancellationToken)
            : SourcePath(context, file.GetProperty("source").GetString()!)!;
        await using var stream = File.OpenRead(source);
        if (await library.FindByPathAsync(path, cancellationToken) is { } existing)
        {
            await library.ReplaceAsync(existing.Id, stream, MediaPaths.NameOf(path), cancellationToken);
        }
        else
        {
            await library.AddAsync(stream, MediaPaths.NameOf(path), MediaPaths.FolderOf(path), new MediaMetadata(string.Empty, string.Empty, null),
                cancellationToken);
        }
    }

    private static async Task RunAsync(int index, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (MediaException refused)
        {
            throw new RecipeStepException($"files[{index}]: {refused.Message}");
        }
    }

    /// <summary>The source inside the recipe's folder; null if it points outside it.</summary>
    private static string? SourcePath(RecipeContext context, string source)
    {
        var root = Path.GetFullPath(context.BaseDirectory);
        var full = Path.GetFullPath(Path.Combine(root, source));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
