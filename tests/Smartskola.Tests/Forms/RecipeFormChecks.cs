using Smartskola.Forms.Definitions;

namespace Smartskola.Tests.Forms;

/// <summary>
/// What the default recipe's forms must be: the method guide's forms per module, and the structural rules every
/// definition must keep. The rules stand in for the designer's <c>FormDefinitionValidator</c> until it is merged.
/// </summary>
public static class RecipeFormChecks
{
    /// <summary>"Formulär för patienten att fylla i" under each module of the method guide, in its order.</summary>
    public static readonly Dictionary<int, string[]> FormsByModule = new()
    {
        [1] = ["Reflektionsfrågor modul 1"],
        [2] = ["Reflektionsfrågor modul 2"],
        [3] = ["Träningsdagbok", "Reflektionsfrågor modul 3"],
        [4] = ["Aktivitetslogg", "Frågeformulär till aktivitetsloggen", "Reflektionsfrågor modul 4"],
        [5] = ["Reflektionsfrågor modul 5"],
        [6] = ["Sömndagbok", "Reflektionsfrågor Sömn", "Reflektionsfrågor Matvanor", "Reflektionsfrågor Alkohol"],
        [7] = ["Reflektionsfrågor modul 7", "Reflektionsfråga (för dig som arbetar)", "Reflektionsfråga (för dig som är arbetslös)",
            "Reflektionsfråga (för dig som är sjukskriven)"],
        [8] = ["Reflektionsövningar sammanfattning"],
    };

    public const string Hads = "5a0d1e0000000000000000000f000901";
    public const string Eq5d = "5a0d1e0000000000000000000f000902";

    /// <summary>Every Formularmall item of the default recipe (patient forms by module, then the two instruments).</summary>
    public static readonly string[] TemplateIds =
    [
        "5a0d1e0000000000000000000f000101", "5a0d1e0000000000000000000f000201", "5a0d1e0000000000000000000f000301",
        "5a0d1e0000000000000000000f000302", "5a0d1e0000000000000000000f000401", "5a0d1e0000000000000000000f000402",
        "5a0d1e0000000000000000000f000403", "5a0d1e0000000000000000000f000501", "5a0d1e0000000000000000000f000601",
        "5a0d1e0000000000000000000f000602", "5a0d1e0000000000000000000f000603", "5a0d1e0000000000000000000f000604",
        "5a0d1e0000000000000000000f000701", "5a0d1e0000000000000000000f000702", "5a0d1e0000000000000000000f000703",
        "5a0d1e0000000000000000000f000704", "5a0d1e0000000000000000000f000801", Hads, Eq5d,
    ];

    /// <summary>Structural problems of a definition, in words; empty when it is sound.</summary>
    public static IReadOnlyList<string> Problems(FormDefinition definition)
    {
        var problems = new List<string>();
        var all = definition.AllItems().ToList();
        var earlier = new HashSet<string>();
        var highest = 0;
        foreach (var item in all)
        {
            if (!earlier.Add(item.Id))
            {
                problems.Add($"{item.Id}: id förekommer flera gånger");
            }

            if (item.Id.Length > 1 && item.Id[0] == 'f' && int.TryParse(item.Id[1..], out var number))
            {
                highest = Math.Max(highest, number);
            }
            else
            {
                problems.Add($"{item.Id}: id har inte formen f<nummer>");
            }

            if (string.IsNullOrWhiteSpace(item.Text))
            {
                problems.Add($"{item.Id}: text saknas");
            }

            foreach (var rule in item.ShowWhen?.Rules ?? [])
            {
                // The referenced item must come before this one (earlier ids were added above; not the item itself).
                if (rule.ItemId == item.Id || !earlier.Contains(rule.ItemId) || definition.Find(rule.ItemId) is not { IsQuestion: true } target)
                {
                    problems.Add($"{item.Id}: villkoret pekar på {rule.ItemId}, som inte är en tidigare fråga");
                }
                else if (target.IsChoice && rule.Operator is ConditionOperator.Equals or ConditionOperator.NotEquals
                         && target.Options.All(o => o.Code != rule.Value))
                {
                    problems.Add($"{item.Id}: villkoret jämför med koden '{rule.Value}', som {rule.ItemId} inte har");
                }
                else if (target.Type == FormItemType.YesNo && rule.Value is not ("ja" or "nej"))
                {
                    problems.Add($"{item.Id}: ja/nej-villkor med värdet '{rule.Value}'");
                }
            }

            if (item.IsChoice && (item.Options.Count < 2 || item.Options.Select(o => o.Code).Distinct().Count() != item.Options.Count
                                  || item.Options.Any(o => string.IsNullOrWhiteSpace(o.Code) || string.IsNullOrWhiteSpace(o.Text))))
            {
                problems.Add($"{item.Id}: svarsalternativen saknas, saknar text eller har samma kod flera gånger");
            }

            if (item.Type == FormItemType.Slider && (item.Min is not { } min || item.Max is not { } max || min >= max
                                                     || string.IsNullOrWhiteSpace(item.MinLabel) || string.IsNullOrWhiteSpace(item.MaxLabel)))
            {
                problems.Add($"{item.Id}: reglaget saknar gränser eller ändpunkternas text");
            }

            if (item.IsContainer && item.Items.Count == 0)
            {
                problems.Add($"{item.Id}: gruppen är tom");
            }
        }

        if (definition.NextId <= highest)
        {
            problems.Add($"nextId {definition.NextId} är inte större än högsta id f{highest}");
        }

        foreach (var scale in definition.Scoring.Scales)
        {
            foreach (var id in scale.ItemIds.Concat(scale.ReverseItemIds))
            {
                if (definition.Find(id) is not { } item || !(item.IsChoice || item.IsNumeric || item.Type == FormItemType.YesNo))
                {
                    problems.Add($"poäng {scale.Name}: {id} finns inte eller ger inga poäng");
                }
            }

            if (scale.ReverseItemIds.Except(scale.ItemIds).Any())
            {
                problems.Add($"poäng {scale.Name}: omvända frågor som inte ingår i skalan");
            }
        }

        foreach (var derived in definition.Diary?.Derived ?? [])
        {
            if (derived.ItemIds.Count == 0 || derived.ItemIds.Any(id => definition.Find(id) is not { IsQuestion: true }))
            {
                problems.Add($"härlett värde {derived.Label}: pekar på frågor som inte finns");
            }
        }

        return problems;
    }
}
