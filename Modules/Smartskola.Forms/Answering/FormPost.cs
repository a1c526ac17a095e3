using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Smartskola.Forms.Definitions;

namespace Smartskola.Forms.Answering;

/// <summary>
/// Turns posted fields (a plain form post, or the autosave's name → values map) into <see cref="FormAnswers"/>.
/// Names are item ids; rows of a repeating group are "<c>groupId[2].itemId</c>". Values are kept as typed (a number
/// that does not parse stays text) so autosave never loses anything; validation happens at submit.
/// </summary>
public static partial class FormPost
{
    public static FormAnswers Read(FormDefinition definition, IReadOnlyDictionary<string, string[]> fields) =>
        new(ReadLevel(definition.Items, fields, prefix: string.Empty));

    /// <summary>A posted form as it came; fields that are not item ids (the token, a revision) are simply not read.</summary>
    public static FormAnswers Read(FormDefinition definition, Microsoft.AspNetCore.Http.IFormCollection form) =>
        Read(definition, form.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? string.Empty).ToArray()));

    private static JsonObject ReadLevel(IEnumerable<FormItem> items, IReadOnlyDictionary<string, string[]> fields, string prefix)
    {
        var result = new JsonObject();
        foreach (var item in items)
        {
            if (item.Type == FormItemType.Group)
            {
                foreach (var (key, value) in ReadLevel(item.Items, fields, prefix).ToList())
                {
                    result[key] = value?.DeepClone();
                }
            }
            else if (item.Type == FormItemType.RepeatingGroup)
            {
                var rows = RowIndexes(fields.Keys, prefix + item.Id)
                    .Select(i => ReadLevel(item.Items, fields, $"{prefix}{item.Id}[{i}]."))
                    .Where(row => row.Count > 0).Select(row => (JsonNode)row).ToArray();
                if (rows.Length > 0)
                {
                    result[item.Id] = new JsonArray(rows);
                }
            }
            else if (item.IsQuestion && fields.TryGetValue(prefix + item.Id, out var values)
                && Value(item, values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList()) is { } node)
            {
                result[item.Id] = node;
            }
        }

        return result;
    }

    private static JsonNode? Value(FormItem item, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        if (item.Type == FormItemType.MultipleChoice)
        {
            return new JsonArray(values.Distinct().Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
        }

        var text = values[0];
        if (item.IsNumeric && decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(item.Type is FormItemType.LongText or FormItemType.ShortText ? text : text.Trim());
    }

    private static IEnumerable<int> RowIndexes(IEnumerable<string> names, string groupName) =>
        names.Where(n => n.StartsWith(groupName + "[", StringComparison.Ordinal))
            .Select(n => RowIndex().Match(n[groupName.Length..]))
            .Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .Where(i => i < 1000).Distinct().Order();

    [GeneratedRegex(@"^\[(\d{1,4})\]\.")]
    private static partial Regex RowIndex();
}
