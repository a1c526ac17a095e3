using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smartskola.Forms.Definitions;

namespace Smartskola.Forms.Answering;

/// <summary>
/// One item inside <c>_FormFields</c>: the item, the answers of its level (the form, or one row of a repeating group)
/// and the name prefix of that level ("" or "<c>groupId[2].</c>"), with the ids that tie labels, help and errors together.
/// </summary>
public sealed record FormItemView(FormFieldsView Form, FormItem Item, string Prefix, FormAnswers Level)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The input's name: the item id, or "<c>groupId[2].itemId</c>" in a row.</summary>
    public string Name => Prefix + Item.Id;

    public string Id => FieldId(Name);

    public string HelpId => Id + "-help";

    public string ErrorId => Id + "-error";

    public string? Error => Form.Errors.TryGetValue(Name, out var message) ? message : null;

    /// <summary>The help and error ids for aria-describedby (null when neither).</summary>
    public string? DescribedBy
    {
        get
        {
            var ids = new List<string>();
            if (!string.IsNullOrWhiteSpace(Item.Help))
            {
                ids.Add(HelpId);
            }

            if (Error is not null)
            {
                ids.Add(ErrorId);
            }

            return ids.Count == 0 ? null : string.Join(' ', ids);
        }
    }

    /// <summary>The item's condition for <c>form-logic.js</c> (the same JSON shape as the definition).</summary>
    public string? ShowWhenJson => Item.ShowWhen is { Rules.Count: > 0 } condition
        ? JsonSerializer.Serialize(condition, FormDefinition.Json)
        : null;

    /// <summary>Whether the server would show the item now (read-only mode leaves hidden items out).</summary>
    public bool IsShown => FormConditions.IsShown(Form.Definition, Item, Form.Answers);

    /// <summary>The answer as typed, for an input's value.</summary>
    public string Value => Level[Item.Id] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    public bool Has(string code) => Level.Codes(Item.Id).Contains(code);

    public IReadOnlyList<FormAnswers> Rows => Level.Rows(Item.Id);

    public FormItemView Child(FormItem child) => this with { Item = child };

    public FormItemView Row(int index, FormAnswers row) => this with { Prefix = $"{Name}[{index}].", Level = row };

    /// <summary>The answer as the patient would say it (option texts, not codes); null when unanswered.</summary>
    public string? AnswerText()
    {
        if (!Level.Has(Item.Id))
        {
            return null;
        }

        return Item.Type switch
        {
            FormItemType.YesNo => Level.Text(Item.Id) == FormAnswers.Yes ? "Ja" : "Nej",
            FormItemType.SingleChoice or FormItemType.MultipleChoice => string.Join(", ",
                Level.Codes(Item.Id).Select(code => Item.Options.FirstOrDefault(o => o.Code == code)?.Text ?? code)),
            FormItemType.Integer or FormItemType.Decimal or FormItemType.Slider =>
                (Level.Number(Item.Id)?.ToString("0.##", Swedish) ?? Value) + (Item.Unit is { } unit ? " " + unit : ""),
            FormItemType.Date when DateOnly.TryParse(Value, CultureInfo.InvariantCulture, out var date) => date.ToString("d MMMM yyyy", Swedish),
            _ => Value,
        };
    }

    public static string FieldId(string name) =>
        "q-" + name.Replace("[", "-", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal)
            .Replace(".", "-", StringComparison.Ordinal);

    /// <summary>A UTC instant as a Swedish date ("23 november 2026").</summary>
    public static string SwedishDate(DateTime utc, string format = "d MMMM yyyy") =>
        Smartskola.Core.Site.SwedishTime.ToLocal(utc).ToString(format, Swedish);

    public static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
