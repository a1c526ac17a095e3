using System.Text.Json;
using System.Text.Json.Nodes;
using Smartskola.Core.Recipes;
using Smartskola.Core.Settings;

namespace Smartskola.ContentManagement.Recipes;

/// <summary>
/// <c>{"name": "settings", "values": {"Content.VersionRetention": {"keepNewest": 20, "youngerThanDays": 90}}}</c>:
/// site settings by key, each a JSON value.
/// </summary>
public sealed class SettingsRecipeStep(SiteSettings settings) : IRecipeStep
{
    public string Name => "settings";

    public Task<IReadOnlyList<string>> ValidateAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Validate(step, context).ToList());

    private IEnumerable<string> Validate(JsonElement step, RecipeContext context)
    {
        if (!step.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            yield return "'values' måste vara ett objekt med inställningar.";
            yield break;
        }

        foreach (var property in values.EnumerateObject())
        {
            if (property.Name.Length is 0 or > 200)
            {
                yield return $"values: ogiltigt namn '{property.Name}' (1–200 tecken).";
            }
        }
    }

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        foreach (var property in step.GetProperty("values").EnumerateObject())
        {
            await settings.SetAsync(property.Name, JsonNode.Parse(property.Value.GetRawText()), cancellationToken);
        }
    }
}
