using System.Text.Json;

namespace Smartskola.Core.Recipes;

/// <summary>
/// Handles one kind of recipe step (<c>{"name": "units", ...}</c>). A recipe is validated as a whole before any
/// step runs, and all steps run in one database transaction: an invalid recipe changes nothing.
/// </summary>
public interface IRecipeStep
{
    /// <summary>The step's <c>name</c> in recipe JSON.</summary>
    string Name { get; }

    /// <summary>Problems with the step, each naming the field; empty when it can run. Must not change anything.</summary>
    Task<IReadOnlyList<string>> ValidateAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken);

    Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken);
}

/// <param name="RecipeName">The recipe's own name, for messages.</param>
/// <param name="CreateDemoUsers">Demo accounts with known passwords: development (and benchmarks) only.</param>
/// <param name="BaseDirectory">The folder the recipe file is in; files named by a step are relative to it.</param>
public sealed record RecipeContext(string RecipeName, bool CreateDemoUsers, string BaseDirectory)
{
    /// <summary>
    /// What earlier steps of the same recipe declare, for validating later ones before anything runs
    /// (e.g. the content types a <c>content</c> step may use). Keyed by the declaring step's name.
    /// </summary>
    public Dictionary<string, HashSet<string>> Declared { get; } = [];
}
