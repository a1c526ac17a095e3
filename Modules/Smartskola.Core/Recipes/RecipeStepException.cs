namespace Smartskola.Core.Recipes;

/// <summary>A step that passed validation but cannot be applied to this site; the whole recipe is rolled back.</summary>
public sealed class RecipeStepException(string message) : Exception(message);
