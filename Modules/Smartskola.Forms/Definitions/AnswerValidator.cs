using System.Globalization;
using System.Text.Json.Nodes;

namespace Smartskola.Forms.Definitions;

/// <summary>
/// Checks a response against its definition before it is submitted, with a Swedish message per item id (for a row of
/// a repeating group: "<c>groupId[2].itemId</c>"). Hidden questions are never required, and <see cref="Clean"/> drops
/// their answers, so a patient who changes their mind does not submit an answer to a question no longer shown.
/// </summary>
public static class AnswerValidator
{
    public static IReadOnlyDictionary<string, string> Validate(FormDefinition definition, FormAnswers answers)
    {
        var errors = new Dictionary<string, string>();
        Check(definition, definition.Items, answers, answers, prefix: string.Empty, errors);
        return errors;
    }

    /// <summary>Answers to known, shown, answerable items only (a copy; the input is not changed).</summary>
    public static FormAnswers Clean(FormDefinition definition, FormAnswers answers) =>
        new(CleanLevel(definition, definition.Items, answers, answers));

    /// <summary>Checks one value (also used while autosaving, to refuse nonsense early). Null when fine.</summary>
    public static string? CheckValue(FormItem item, JsonNode? node)
    {
        switch (item.Type)
        {
            case FormItemType.ShortText or FormItemType.LongText:
                var text = node is JsonValue tv && tv.TryGetValue<string>(out var s) ? s : null;
                if (text is null)
                {
                    return "Svaret ska vara en text.";
                }

                var max = item.MaxLength ?? (item.Type == FormItemType.ShortText ? 500 : 10_000);
                return text.Length > max ? $"Svaret får vara högst {max} tecken långt (nu {text.Length})." : null;
            case FormItemType.SingleChoice or FormItemType.YesNo:
                var code = node is JsonValue cv && cv.TryGetValue<string>(out var c) ? c : null;
                return code is not null && Codes(item).Contains(code) ? null : "Välj ett av alternativen.";
            case FormItemType.MultipleChoice:
                return node is JsonArray array && array.All(n => n is JsonValue v && v.TryGetValue<string>(out var x) && Codes(item).Contains(x))
                    ? null : "Välj bland alternativen.";
            case FormItemType.Integer or FormItemType.Decimal or FormItemType.Slider:
                if (FormAnswers.NumberOf(node) is not { } number)
                {
                    return "Skriv ett tal.";
                }

                if (item.Type == FormItemType.Integer && number != decimal.Truncate(number))
                {
                    return "Skriv ett heltal.";
                }

                if (item.Min is { } min && number < min || item.Max is { } mx && number > mx)
                {
                    return $"Värdet ska vara mellan {Format(item.Min)} och {Format(item.Max)}{(item.Unit is { } unit ? " " + unit : "")}.";
                }

                return null;
            case FormItemType.Date:
                return node is JsonValue dv && dv.TryGetValue<string>(out var d)
                    && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null : "Skriv datumet som ÅÅÅÅ-MM-DD.";
            case FormItemType.Time:
                return node is JsonValue tmv && tmv.TryGetValue<string>(out var t)
                    && TimeOnly.TryParseExact(t, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null : "Skriv tiden som TT:MM, till exempel 22:30.";
            default:
                return "Frågan tar inte emot svar.";
        }
    }

    private static void Check(FormDefinition definition, IEnumerable<FormItem> items, FormAnswers level, FormAnswers all,
        string prefix, Dictionary<string, string> errors)
    {
        foreach (var item in items)
        {
            if (!FormConditions.IsShown(definition, item, all))
            {
                continue;
            }

            var key = prefix + item.Id;
            if (item.Type == FormItemType.Group)
            {
                Check(definition, item.Items, level, all, prefix, errors);
            }
            else if (item.Type == FormItemType.RepeatingGroup)
            {
                var rows = level.Rows(item.Id);
                if (item.Required && rows.Count == 0)
                {
                    errors[key] = "Lägg till minst en rad.";
                }
                else if (item.MaxRows is { } maxRows && rows.Count > maxRows)
                {
                    errors[key] = $"Högst {maxRows} rader.";
                }

                for (var i = 0; i < rows.Count; i++)
                {
                    Check(definition, item.Items, rows[i], all, $"{key}[{i}].", errors);
                }
            }
            else if (item.IsQuestion && !item.ReadOnly)
            {
                if (!level.Has(item.Id))
                {
                    if (item.Required)
                    {
                        errors[key] = "Frågan behöver besvaras.";
                    }
                }
                else if (CheckValue(item, level[item.Id]) is { } message)
                {
                    errors[key] = message;
                }
            }
        }
    }

    private static JsonObject CleanLevel(FormDefinition definition, IEnumerable<FormItem> items, FormAnswers level, FormAnswers all)
    {
        var result = new JsonObject();
        foreach (var item in items)
        {
            if (!FormConditions.IsShown(definition, item, all))
            {
                continue;
            }

            if (item.Type == FormItemType.Group)
            {
                foreach (var (key, value) in CleanLevel(definition, item.Items, level, all).ToList())
                {
                    result[key] = value?.DeepClone();
                }
            }
            else if (item.Type == FormItemType.RepeatingGroup && level.Rows(item.Id) is { Count: > 0 } rows)
            {
                result[item.Id] = new JsonArray(rows.Select(row => (JsonNode)CleanLevel(definition, item.Items, row, all)).ToArray());
            }
            else if (item.IsQuestion && !item.ReadOnly && level.Has(item.Id))
            {
                result[item.Id] = level[item.Id]!.DeepClone();
            }
        }

        return result;
    }

    private static HashSet<string> Codes(FormItem item) => item.Type == FormItemType.YesNo
        ? [FormAnswers.Yes, FormAnswers.No]
        : item.Options.Select(o => o.Code).ToHashSet();

    private static string Format(decimal? value) =>
        value?.ToString("0.##", CultureInfo.GetCultureInfo("sv-SE")) ?? "–";
}
