using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Smartskola.Forms.Definitions;

/// <summary>
/// A response's answers by item id, as stored (JSON). Values: a string for texts, option codes, dates
/// ("2026-11-23"), times ("22:30") and yes/no ("ja"/"nej"); a number for integers, decimals and sliders; an array
/// of codes for multiple choice; an array of objects (item id → value) for the rows of a repeating group.
/// An unanswered item has no key.
/// </summary>
public sealed class FormAnswers
{
    public const string Yes = "ja";
    public const string No = "nej";

    public FormAnswers(JsonObject? values = null) => Values = values ?? [];

    public JsonObject Values { get; }

    public JsonNode? this[string itemId] => Values[itemId];

    public bool Has(string itemId) => Values[itemId] is { } node && !IsEmpty(node);

    public string? Text(string itemId) => Values[itemId] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public decimal? Number(string itemId) => NumberOf(Values[itemId]);

    public IReadOnlyList<string> Codes(string itemId) => Values[itemId] is JsonArray array
        ? array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
        : Text(itemId) is { } single ? [single] : [];

    /// <summary>The rows of a repeating group, each with its own answers.</summary>
    public IReadOnlyList<FormAnswers> Rows(string itemId) => Values[itemId] is JsonArray array
        ? array.OfType<JsonObject>().Select(o => new FormAnswers(o)).ToList()
        : [];

    /// <summary>Stored as readable UTF-8 ("å", not "\u00E5"): the JSON is data, never written into HTML unencoded.</summary>
    public string ToJson() => Values.ToJsonString(Stored);

    private static readonly JsonSerializerOptions Stored = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static FormAnswers FromJson(string? json) =>
        new(string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json) as JsonObject);

    public static decimal? NumberOf(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>(),
        JsonValue v when v.TryGetValue<string>(out var s) && decimal.TryParse(s.Replace(',', '.'),
            NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static bool IsEmpty(JsonNode node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s),
        JsonArray a => a.Count == 0,
        _ => false,
    };
}
