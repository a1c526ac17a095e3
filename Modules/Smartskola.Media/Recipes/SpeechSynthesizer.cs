using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Smartskola.Media.Library;

namespace Smartskola.Media.Recipes;

/// <summary>
/// Swedish speech for recipes: espeak-ng makes a WAV, ffmpeg encodes it as OGG/Opus or MP3. Results are cached by a
/// hash of voice, format and text in <see cref="MediaOptions.SpeechCache"/>, so importing a recipe again is quick.
/// </summary>
public sealed class SpeechSynthesizer(MediaTools tools, IOptions<MediaOptions> options)
{
    public static readonly string[] Tools = ["espeak-ng", "ffmpeg"];

    /// <summary>Formats speech can be written in, by extension.</summary>
    public static bool Supports(string path) => Path.GetExtension(path) is ".ogg" or ".mp3";

    /// <summary>The cached (or newly made) audio file for <paramref name="text"/>; throws <see cref="MediaException"/> on failure.</summary>
    public async Task<string> SynthesizeAsync(string text, string extension, CancellationToken cancellationToken = default)
    {
        var voice = options.Value.SpeechVoice;
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{voice}\n{extension}\n{text}")));
        var cache = options.Value.SpeechCache;
        Directory.CreateDirectory(cache);
        var cached = Path.Combine(cache, key + extension);
        if (File.Exists(cached))
        {
            return cached;
        }

        var work = Path.Combine(cache, $"{key}.{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var textFile = Path.Combine(work, "text.txt");
            await File.WriteAllTextAsync(textFile, text, new UTF8Encoding(false), cancellationToken);
            var wav = Path.Combine(work, "speech.wav");
            var spoken = await tools.RunAsync("espeak-ng", ["-v", voice, "-f", textFile, "-w", wav], cancellationToken);
            if (!spoken.Succeeded)
            {
                throw new MediaException($"espeak-ng kunde inte skapa tal: {spoken.Error.Trim()}");
            }

            var output = Path.Combine(work, "speech" + extension);
            IReadOnlyList<string> codec = extension == ".ogg" ? ["-c:a", "libopus", "-b:a", "48k"] : ["-c:a", "libmp3lame", "-q:a", "5"];
            var encoded = await tools.RunAsync("ffmpeg", ["-v", "error", "-y", "-i", wav, .. codec, output], cancellationToken);
            if (!encoded.Succeeded)
            {
                throw new MediaException($"ffmpeg kunde inte koda talet: {encoded.Error.Trim()}");
            }

            File.Move(output, cached, overwrite: true);
            return cached;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
