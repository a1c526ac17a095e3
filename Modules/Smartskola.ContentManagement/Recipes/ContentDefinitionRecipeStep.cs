using System.Text.Json;
using Smartskola.ContentManagement.Definitions;
using Smartskola.ContentManagement.Display;
using Smartskola.Core.Recipes;

namespace Smartskola.ContentManagement.Recipes;

/// <summary>
/// <c>{"name": "contentDefinition", "types": [{"name", "displayName", "settings": {…}, "parts": [{"name", "kind",
/// "settings": {…}, "fields": [{"name", "kind", "displayName", "settings": {…}}]}]}]}</c>. Creates or replaces types.
/// </summary>
public sealed class ContentDefinitionRecipeStep(ContentDefinitionManager definitions, ContentDriverRegistry drivers) : IRecipeStep
{
    public const string StepName = "contentDefinition";

    public string Name => StepName;

    public Task<IReadOnlyList<string>> ValidateAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Validate(step, context).ToList());

    private IEnumerable<string> Validate(JsonElement step, RecipeContext context)
    {
        var errors = new List<string>();
        var declared = context.Declared.TryGetValue(StepName, out var set) ? set : context.Declared[StepName] = [];
        var types = RecipeJson.Array(step, "types", errors);
        for (var i = 0; i < types.Count; i++)
        {
            var definition = Parse(types[i], $"types[{i}]", errors);
            if (definition is null)
            {
                continue;
            }

            errors.AddRange(DefinitionValidator.Validate(definition, drivers).Select(e => $"types[{i}]: {e}"));
            declared.Add(definition.Name);
        }

        return errors;
    }

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        foreach (var type in step.GetProperty("types").EnumerateArray())
        {
            await definitions.SaveAsync(Parse(type, "types", [])!, expectedRevision: null, cancellationToken);
        }
    }

    private static ContentTypeDefinition? Parse(JsonElement element, string where, List<string> errors)
    {
        try
        {
            var definition = element.Deserialize(DefinitionJsonContext.Default.ContentTypeDefinition);
            if (definition is null)
            {
                errors.Add($"{where}: saknas.");
            }

            return definition;
        }
        catch (JsonException exception)
        {
            errors.Add($"{where}: fel form ({exception.Path}).");
            return null;
        }
    }
}
