using System.Text.Json;
using Smartskola.Forms.Definitions;

namespace Smartskola.Forms.Templates;

/// <summary>
/// A unit's licensed wording applied over an instrument's placeholder texts. Keys: "intro" (the instructions before
/// the first question), "f3" (item text), "f3.help",
/// "f3.min" / "f3.max" (slider end labels) and "f3.2" (the text of option code 2). Unknown keys are ignored.
/// </summary>
public static class TextPacks
{
    public static Dictionary<string, string> Parse(string? json)
    {
        try
        {
            return string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>A copy of <paramref name="definition"/> with the pack's texts in place.</summary>
    public static FormDefinition Apply(FormDefinition definition, IReadOnlyDictionary<string, string> texts)
    {
        var copy = definition.Clone();
        copy.Intro = Text(texts, IntroKey) ?? copy.Intro;
        foreach (var item in copy.AllItems())
        {
            item.Text = Text(texts, item.Id) ?? item.Text;
            item.Help = Text(texts, item.Id + ".help") ?? item.Help;
            item.MinLabel = Text(texts, item.Id + ".min") ?? item.MinLabel;
            item.MaxLabel = Text(texts, item.Id + ".max") ?? item.MaxLabel;
            foreach (var option in item.Options)
            {
                option.Text = Text(texts, $"{item.Id}.{option.Code}") ?? option.Text;
            }
        }

        return copy;
    }

    /// <summary>The keys a complete pack has for this definition (every item text and option text).</summary>
    public static IReadOnlyList<string> RequiredKeys(FormDefinition definition) =>
        (string.IsNullOrWhiteSpace(definition.Intro) ? [] : new[] { IntroKey }).Concat(definition.AllItems().Where(i => !i.IsContainer)
            .SelectMany(i => new[] { i.Id }.Concat(i.Options.Select(o => $"{i.Id}.{o.Code}")))).ToList();

    public const string IntroKey = "intro";

    private static string? Text(IReadOnlyDictionary<string, string> texts, string key) =>
        texts.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
