namespace Smartskola.Recipes.Services;

/// <summary>The recipe was rejected as a whole; <see cref="Errors"/> name the step and field of each problem.</summary>
public sealed class RecipeValidationException(string recipe, IReadOnlyList<string> errors)
    : Exception($"Receptet '{recipe}' är ogiltigt: {string.Join(" ", errors)}")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
