using System.Globalization;

namespace Smartskola.Forms.Definitions;

/// <summary>One problem in a definition: the item (or scale) it concerns, or null for the form as a whole.</summary>
public sealed record DefinitionProblem(string? ItemId, string Message);

/// <summary>
/// Checks a form definition before it is published (and shows the designer what to fix). Messages are Swedish and
/// name the item's text, so a designer can find it; <see cref="DefinitionProblem.ItemId"/> links to it.
/// </summary>
public static class FormDefinitionValidator
{
    public static IReadOnlyList<DefinitionProblem> Validate(FormDefinition definition)
    {
        var problems = new List<DefinitionProblem>();
        var all = definition.AllItems().ToList();
        if (all.Count == 0)
        {
            problems.Add(new(null, "Formuläret har inga frågor."));
        }

        CheckIds(all, problems);
        CheckItems(definition.Items, insideRepeating: false, problems);
        CheckConditions(all, problems);
        CheckScoring(definition, problems);
        CheckDiary(definition, problems);
        return problems;
    }

    private static void CheckIds(List<FormItem> all, List<DefinitionProblem> problems)
    {
        foreach (var item in all.Where(i => string.IsNullOrWhiteSpace(i.Id)))
        {
            problems.Add(new(null, $"Frågan {Name(item)} saknar id."));
        }

        foreach (var group in all.Where(i => !string.IsNullOrWhiteSpace(i.Id)).GroupBy(i => i.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new(group.Key, $"Id {group.Key} används av flera frågor. Varje fråga måste ha ett eget id."));
        }
    }

    private static void CheckItems(IEnumerable<FormItem> items, bool insideRepeating, List<DefinitionProblem> problems)
    {
        foreach (var item in items)
        {
            var id = NullIfEmpty(item.Id);
            var name = Name(item);
            if (!item.IsContainer && string.IsNullOrWhiteSpace(item.Text))
            {
                problems.Add(new(id, $"Frågan {name} saknar text."));
            }

            CheckOptions(item, id, name, problems);
            CheckNumbers(item, id, name, problems);
            if (item.MaxLength is { } maxLength)
            {
                if (item.Type is not (FormItemType.ShortText or FormItemType.LongText))
                {
                    problems.Add(new(id, $"{name}: största längd kan bara anges för textfrågor."));
                }
                else if (maxLength <= 0)
                {
                    problems.Add(new(id, $"{name}: största längd måste vara större än 0."));
                }
            }

            if (item.IsContainer)
            {
                if (item.Items.Count == 0)
                {
                    problems.Add(new(id, $"Gruppen {name} har inga frågor."));
                }

                if (item.Type == FormItemType.RepeatingGroup && insideRepeating)
                {
                    problems.Add(new(id, $"{name}: en upprepad grupp kan inte ligga i en annan upprepad grupp."));
                }

                CheckItems(item.Items, insideRepeating || item.Type == FormItemType.RepeatingGroup, problems);
            }
            else if (item.Items.Count > 0)
            {
                problems.Add(new(id, $"{name}: bara grupper kan innehålla andra frågor."));
            }
        }
    }

    private static void CheckOptions(FormItem item, string? id, string name, List<DefinitionProblem> problems)
    {
        if (item.IsChoice)
        {
            if (item.Options.Count < 2)
            {
                problems.Add(new(id, $"{name}: ett flervalsalternativ behöver minst två svarsalternativ."));
            }

            if (item.Options.Any(o => string.IsNullOrWhiteSpace(o.Code)))
            {
                problems.Add(new(id, $"{name}: varje svarsalternativ behöver en kod."));
            }

            if (item.Options.Any(o => string.IsNullOrWhiteSpace(o.Text)))
            {
                problems.Add(new(id, $"{name}: varje svarsalternativ behöver en text."));
            }

            foreach (var code in item.Options.Where(o => !string.IsNullOrWhiteSpace(o.Code)).GroupBy(o => o.Code.Trim())
                         .Where(g => g.Count() > 1).Select(g => g.Key))
            {
                problems.Add(new(id, $"{name}: koden {code} används av flera svarsalternativ."));
            }
        }
        else if (item.Type == FormItemType.YesNo)
        {
            // Yes/no may carry options only to give "ja" and "nej" scores.
            var codes = item.Options.Select(o => o.Code).ToList();
            if (codes.Any(c => c is not (FormAnswers.Yes or FormAnswers.No)) || codes.Distinct().Count() != codes.Count)
            {
                problems.Add(new(id, $"{name}: en ja/nej-fråga kan bara ha alternativen \"ja\" och \"nej\" (för poäng)."));
            }
        }
        else if (item.Options.Count > 0)
        {
            problems.Add(new(id, $"{name}: svarsalternativ kan bara finnas på flervalsfrågor."));
        }
    }

    private static void CheckNumbers(FormItem item, string? id, string name, List<DefinitionProblem> problems)
    {
        if (item.Type == FormItemType.Slider)
        {
            if (item.Min is null || item.Max is null)
            {
                problems.Add(new(id, $"{name}: ett skjutreglage behöver både minsta och största värde."));
            }

            if (item.Step is not > 0)
            {
                problems.Add(new(id, $"{name}: ett skjutreglage behöver ett steg större än 0."));
            }
        }
        else if (!item.IsNumeric && (item.Min is not null || item.Max is not null || item.Step is not null))
        {
            problems.Add(new(id, $"{name}: minsta och största värde kan bara anges för tal och skjutreglage."));
        }

        if (item.Min is { } min && item.Max is { } max && min >= max)
        {
            problems.Add(new(id, $"{name}: minsta värdet måste vara mindre än största värdet."));
        }
    }

    private static void CheckConditions(List<FormItem> all, List<DefinitionProblem> problems)
    {
        for (var index = 0; index < all.Count; index++)
        {
            var item = all[index];
            if (item.ShowWhen is not { } condition)
            {
                continue;
            }

            var id = NullIfEmpty(item.Id);
            var name = Name(item);
            var earlier = all.Take(index).ToList();
            var enclosing = Descendants(item).Select(d => d.Id).ToHashSet();
            foreach (var rule in condition.Rules)
            {
                var target = all.FirstOrDefault(i => i.Id == rule.ItemId);
                if (rule.ItemId == item.Id || enclosing.Contains(rule.ItemId))
                {
                    problems.Add(new(id, $"{name}: villkoret kan inte bygga på frågan själv eller på en fråga i samma grupp."));
                }
                else if (target is null)
                {
                    problems.Add(new(id, $"{name}: villkoret pekar på en fråga som inte finns ({rule.ItemId})."));
                }
                else if (!earlier.Contains(target))
                {
                    problems.Add(new(id, $"{name}: villkoret måste bygga på en fråga som kommer före i formuläret."));
                }
                else if (!target.IsQuestion)
                {
                    problems.Add(new(id, $"{name}: villkoret måste bygga på en fråga som går att besvara."));
                }
                else
                {
                    CheckRule(rule, target, id, name, problems);
                }
            }
        }

    }

    private static void CheckRule(ConditionRule rule, FormItem target, string? id, string name, List<DefinitionProblem> problems)
    {
        var value = rule.Value?.Trim();
        switch (rule.Operator)
        {
            case ConditionOperator.Exists:
                if (!string.IsNullOrEmpty(value))
                {
                    problems.Add(new(id, $"{name}: villkoret \"är besvarad\" har inget värde."));
                }

                break;
            case ConditionOperator.Greater or ConditionOperator.Less:
                if (target.IsNumeric ? !IsNumber(value)
                    : target.Type == FormItemType.Date ? !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    : target.Type == FormItemType.Time ? !TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    : true)
                {
                    problems.Add(new(id, $"{name}: \"större än\" och \"mindre än\" kräver en tal-, datum- eller tidsfråga och ett värde av samma slag."));
                }

                break;
            default:
                if (string.IsNullOrEmpty(value))
                {
                    problems.Add(new(id, $"{name}: villkoret saknar värde."));
                }
                else if (target.IsChoice && target.Options.All(o => o.Code != value))
                {
                    problems.Add(new(id, $"{name}: värdet {value} är inte en kod i frågan {Name(target)}."));
                }
                else if (target.Type == FormItemType.YesNo && value is not (FormAnswers.Yes or FormAnswers.No))
                {
                    problems.Add(new(id, $"{name}: en ja/nej-fråga jämförs med \"ja\" eller \"nej\"."));
                }
                else if (target.IsNumeric && !IsNumber(value))
                {
                    problems.Add(new(id, $"{name}: värdet måste vara ett tal."));
                }

                break;
        }
    }

    private static void CheckScoring(FormDefinition definition, List<DefinitionProblem> problems)
    {
        var scales = definition.Scoring.Scales;
        foreach (var duplicate in scales.Where(s => !string.IsNullOrWhiteSpace(s.Id)).GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new(duplicate.Key, $"Id {duplicate.Key} används av flera poängskalor."));
        }

        foreach (var scale in scales)
        {
            var id = NullIfEmpty(scale.Id);
            var name = string.IsNullOrWhiteSpace(scale.Name) ? "En poängskala" : $"Poängskalan \"{scale.Name}\"";
            if (id is null)
            {
                problems.Add(new(null, $"{name} saknar id."));
            }

            if (string.IsNullOrWhiteSpace(scale.Name))
            {
                problems.Add(new(id, "En poängskala saknar namn."));
            }

            if (scale.ItemIds.Count == 0)
            {
                problems.Add(new(id, $"{name} har inga frågor."));
            }

            foreach (var itemId in scale.ItemIds)
            {
                var item = definition.Find(itemId);
                if (item is null)
                {
                    problems.Add(new(id, $"{name}: frågan {itemId} finns inte."));
                }
                else if (!Scoreable(item))
                {
                    problems.Add(new(id, $"{name}: frågan {Name(item)} ger inga poäng (bara flerval med poäng, ja/nej med poäng, tal och skjutreglage)."));
                }
            }

            if (scale.ReverseItemIds.Any(r => !scale.ItemIds.Contains(r)))
            {
                problems.Add(new(id, $"{name}: omvänt poängsatta frågor måste också ingå i skalan."));
            }

            if (scale.MinAnswered is { } minAnswered && (minAnswered < 1 || minAnswered > scale.ItemIds.Count))
            {
                problems.Add(new(id, $"{name}: minsta antal besvarade frågor måste vara mellan 1 och antalet frågor."));
            }

            CheckBands(scale, id, name, problems);
        }
    }

    private static void CheckBands(ScoreScale scale, string? id, string name, List<DefinitionProblem> problems)
    {
        foreach (var band in scale.Bands)
        {
            if (band.From > band.To)
            {
                problems.Add(new(id, $"{name}: intervallet {band.From}–{band.To} börjar efter att det slutar."));
            }

            if (string.IsNullOrWhiteSpace(band.Label))
            {
                problems.Add(new(id, $"{name}: intervallet {band.From}–{band.To} saknar etikett."));
            }
        }

        var sorted = scale.Bands.OrderBy(b => b.From).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].From <= sorted[i - 1].To)
            {
                problems.Add(new(id, $"{name}: intervallen {sorted[i - 1].From}–{sorted[i - 1].To} och {sorted[i].From}–{sorted[i].To} överlappar."));
            }
        }
    }

    private static void CheckDiary(FormDefinition definition, List<DefinitionProblem> problems)
    {
        foreach (var derived in definition.Diary?.Derived ?? [])
        {
            var label = string.IsNullOrWhiteSpace(derived.Label) ? derived.Id : derived.Label;
            if (derived.ItemIds.Count == 0)
            {
                problems.Add(new(null, $"Dagbokens beräknade värde \"{label}\" har inga frågor."));
            }

            foreach (var missing in derived.ItemIds.Where(i => definition.Find(i) is null))
            {
                problems.Add(new(null, $"Dagbokens beräknade värde \"{label}\" pekar på en fråga som inte finns ({missing})."));
            }
        }
    }

    private static bool Scoreable(FormItem item) =>
        item.IsNumeric || ((item.IsChoice || item.Type == FormItemType.YesNo) && item.Options.Any(o => o.Score is not null));

    private static bool IsNumber(string? value) =>
        decimal.TryParse(value?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out _);

    private static IEnumerable<FormItem> Descendants(FormItem item) =>
        item.Items.SelectMany(child => Descendants(child).Prepend(child));

    private static string? NullIfEmpty(string? id) => string.IsNullOrWhiteSpace(id) ? null : id;

    private static string Name(FormItem item)
    {
        var text = string.IsNullOrWhiteSpace(item.Text) ? item.Id : item.Text.Trim();
        return $"\"{(text.Length > 40 ? text[..40] + "…" : text)}\"";
    }
}
