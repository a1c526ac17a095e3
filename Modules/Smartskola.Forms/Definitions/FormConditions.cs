using System.Globalization;

namespace Smartskola.Forms.Definitions;

/// <summary>
/// Conditional display, evaluated on the server (validation, scoring, what the clinician sees) with the same rules
/// as the patient's browser (<c>wwwroot/forms/form-logic.js</c>).
/// </summary>
public static class FormConditions
{
    /// <summary>Whether the item is shown: its own condition holds, and so do those of the groups around it.</summary>
    public static bool IsShown(FormDefinition definition, FormItem item, FormAnswers answers)
    {
        foreach (var container in Ancestors(definition.Items, item) ?? [])
        {
            if (!Holds(container.ShowWhen, answers))
            {
                return false;
            }
        }

        return Holds(item.ShowWhen, answers);
    }

    public static bool Holds(FormCondition? condition, FormAnswers answers)
    {
        if (condition is null || condition.Rules.Count == 0)
        {
            return true;
        }

        return condition.Match == ConditionMatch.Any
            ? condition.Rules.Any(rule => Holds(rule, answers))
            : condition.Rules.All(rule => Holds(rule, answers));
    }

    public static bool Holds(ConditionRule rule, FormAnswers answers)
    {
        if (!answers.Has(rule.ItemId))
        {
            // An unanswered question equals nothing, is greater or less than nothing, and "not equals" anything.
            return rule.Operator == ConditionOperator.NotEquals;
        }

        return rule.Operator switch
        {
            ConditionOperator.Exists => true,
            ConditionOperator.Equals => Matches(rule, answers),
            ConditionOperator.NotEquals => !Matches(rule, answers),
            ConditionOperator.Greater => Compare(rule, answers) is > 0,
            ConditionOperator.Less => Compare(rule, answers) is < 0,
            _ => false,
        };
    }

    private static bool Matches(ConditionRule rule, FormAnswers answers)
    {
        var expected = rule.Value?.Trim() ?? string.Empty;
        if (answers.Number(rule.ItemId) is { } number && ParseNumber(expected) is { } wanted)
        {
            return number == wanted;
        }

        // Multiple choice: equals when the code is among those chosen.
        return answers.Codes(rule.ItemId).Any(code => string.Equals(code, expected, StringComparison.OrdinalIgnoreCase));
    }

    private static int? Compare(ConditionRule rule, FormAnswers answers)
    {
        var expected = rule.Value?.Trim() ?? string.Empty;
        if (answers.Number(rule.ItemId) is { } number && ParseNumber(expected) is { } wanted)
        {
            return number.CompareTo(wanted);
        }

        // Dates ("2026-11-23") and times ("22:30") compare as text in their fixed formats.
        return answers.Text(rule.ItemId) is { } text ? string.CompareOrdinal(text, expected) : null;
    }

    private static decimal? ParseNumber(string text) =>
        decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The groups around <paramref name="target"/>, outermost first; null when it is not in the list.</summary>
    private static List<FormItem>? Ancestors(IEnumerable<FormItem> items, FormItem target)
    {
        foreach (var item in items)
        {
            if (ReferenceEquals(item, target))
            {
                return [];
            }

            if (Ancestors(item.Items, target) is { } path)
            {
                path.Insert(0, item);
                return path;
            }
        }

        return null;
    }
}
