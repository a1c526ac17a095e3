using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smartskola.Core.Audit;
using Smartskola.Core.Persistence;
using Smartskola.Core.Recipes;
using Smartskola.Recipes.Data;

namespace Smartskola.Recipes.Services;

/// <summary>
/// Applies a recipe: <c>{"name": "...", "steps": [{"name": "units", ...}, ...]}</c>. Every step is validated first;
/// then all steps run in one transaction on the scope's shared connection, so a recipe is applied whole or not at all.
/// </summary>
public sealed class RecipeRunner(
    IServiceScopeFactory scopeFactory,
    IHostEnvironment environment,
    IOptions<RecipeOptions> options,
    TimeProvider clock,
    ILogger<RecipeRunner> logger)
{
    public async Task RunFileAsync(string path, bool isSetup, CancellationToken cancellationToken = default)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        await RunAsync(bytes, Path.GetDirectoryName(Path.GetFullPath(path))!, isSetup, cancellationToken);
    }

    public async Task RunAsync(byte[] json, string baseDirectory, bool isSetup, CancellationToken cancellationToken = default)
    {
        using var document = Parse(json);
        var root = document.RootElement;
        var recipeName = RecipeJson.OptionalString(root, "name") ?? "namnlöst recept";
        var context = new RecipeContext(recipeName,
            options.Value.DemoUsers ?? environment.IsDevelopment(), baseDirectory);

        await using var scope = scopeFactory.CreateAsyncScope();
        var handlers = scope.ServiceProvider.GetServices<IRecipeStep>().ToDictionary(h => h.Name, StringComparer.Ordinal);
        var steps = await ValidateAsync(root, recipeName, context, handlers, cancellationToken);

        var shared = scope.ServiceProvider.GetRequiredService<SharedDbConnection>();
        var db = scope.ServiceProvider.GetRequiredService<RecipesDbContext>();
        await using (var transaction = await shared.BeginTransactionAsync(cancellationToken))
        {
            foreach (var (handler, step) in steps)
            {
                logger.LogInformation("Recipe {Recipe}: step {Step}", recipeName, handler.Name);
                await handler.ExecuteAsync(step, context, cancellationToken);
            }

            db.Executions.Add(new RecipeExecution
            {
                RecipeName = recipeName,
                ContentHash = Convert.ToHexStringLower(SHA256.HashData(json)),
                IsSetup = isSetup,
                ExecutedUtc = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<IAuditLog>()
            .WriteAsync(new AuditEvent("recipe.run", "Recipe", recipeName), cancellationToken);
    }

    private static JsonDocument Parse(byte[] json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new RecipeValidationException("okänt", [$"Filen är inte giltig JSON (rad {exception.LineNumber + 1})."]);
        }
    }

    private static async Task<List<(IRecipeStep Handler, JsonElement Step)>> ValidateAsync(JsonElement root,
        string recipeName, RecipeContext context, Dictionary<string, IRecipeStep> handlers, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var steps = new List<(IRecipeStep, JsonElement)>();
        var items = RecipeJson.Array(root, "steps", errors);
        for (var i = 0; i < items.Count; i++)
        {
            var name = RecipeJson.RequiredString(items[i], "name", $"steps[{i}]", errors);
            if (name.Length == 0)
            {
                continue;
            }

            if (!handlers.TryGetValue(name, out var handler))
            {
                errors.Add($"steps[{i}]: okänt steg '{name}'.");
                continue;
            }

            errors.AddRange((await handler.ValidateAsync(items[i], context, cancellationToken)).Select(e => $"steps[{i}] ({name}): {e}"));
            steps.Add((handler, items[i]));
        }

        if (errors.Count > 0)
        {
            throw new RecipeValidationException(recipeName, errors);
        }

        return steps;
    }
}
