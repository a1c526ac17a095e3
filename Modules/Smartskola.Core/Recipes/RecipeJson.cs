using System.Text.Json;

namespace Smartskola.Core.Recipes;

/// <summary>Small helpers for validating recipe JSON with messages that name the field.</summary>
public static class RecipeJson
{
    /// <summary>The array at <paramref name="property"/>, or an error naming it.</summary>
    public static IReadOnlyList<JsonElement> Array(JsonElement step, string property, List<string> errors)
    {
        if (step.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            return value.EnumerateArray().ToList();
        }

        errors.Add($"'{property}' måste vara en lista.");
        return [];
    }

    /// <summary>A non-empty string at <paramref name="property"/>, or an error naming it and its position.</summary>
    public static string RequiredString(JsonElement item, string property, string where, List<string> errors)
    {
        if (item.ValueKind == JsonValueKind.Object
            && item.TryGetProperty(property, out var value)
            && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString()!;
        }

        errors.Add($"{where}: '{property}' saknas eller är tomt.");
        return string.Empty;
    }

    public static string? OptionalString(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value) &&
        value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static IReadOnlyList<string> StringList(JsonElement item, string property, string where, List<string> errors)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(property, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            errors.Add($"{where}: '{property}' måste vara en lista med text.");
            return [];
        }

        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    public static bool Bool(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value) &&
        value.ValueKind == JsonValueKind.True;
}
