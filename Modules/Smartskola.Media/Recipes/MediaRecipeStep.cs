using System.Text.Json;
using Smartskola.Core.Recipes;

namespace Smartskola.Media.Recipes;

/// <summary>
/// <c>{"name": "media", "files": [{"path": "bilder/andning.png", "source": "media/andning.png"}]}</c>: copies files
/// that ship beside the recipe (<c>source</c>, relative to the recipe's folder) into the media store at <c>path</c>.
/// </summary>
public sealed class MediaRecipeStep(MediaFileStore store) : IRecipeStep
{
    private const long MaxBytes = 200L * 1024 * 1024;

    public string Name => "media";

    public Task<IReadOnlyList<string>> ValidateAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Validate(step, context).ToList());

    private IEnumerable<string> Validate(JsonElement step, RecipeContext context)
    {
        var errors = new List<string>();
        var files = RecipeJson.Array(step, "files", errors);
        for (var i = 0; i < files.Count; i++)
        {
            var where = $"files[{i}]";
            var path = RecipeJson.RequiredString(files[i], "path", where, errors);
            var source = RecipeJson.RequiredString(files[i], "source", where, errors);
            if (path.Length > 0 && !MediaFileStore.IsValidPath(path))
            {
                errors.Add($"{where}: 'path' '{path}' är ogiltig (små bokstäver a–z, 0–9, '-', '_', '.', '/' och en tillåten filtyp: "
                    + string.Join(", ", MediaFileStore.AllowedExtensions.Order()) + ").");
            }

            if (source.Length > 0)
            {
                var full = SourcePath(context, source);
                if (full is null || !File.Exists(full))
                {
                    errors.Add($"{where}: 'source' '{source}' finns inte bredvid receptet.");
                }
                else if (new FileInfo(full).Length > MaxBytes)
                {
                    errors.Add($"{where}: 'source' '{source}' är större än 200 MB.");
                }
            }
        }

        return errors;
    }

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        foreach (var file in step.GetProperty("files").EnumerateArray())
        {
            var source = SourcePath(context, file.GetProperty("source").GetString()!)!;
            await using var stream = File.OpenRead(source);
            await store.SaveAsync(file.GetProperty("path").GetString()!, stream, cancellationToken);
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
