using Smartskola.Forms.Definitions;

namespace Smartskola.Tests.Forms;

/// <summary>Every rule of <see cref="FormDefinitionValidator"/>: a sound definition passes, each fault is named.</summary>
public sealed class DesignValidatorTests
{
    /// <summary>A sound form: a choice with scores, a slider, a question shown when the choice is "2", a sum scale.</summary>
    public static FormDefinition Sound() => new()
    {
        NextId = 5,
        Items =
        [
            new FormItem
            {
                Id = "f1", Type = FormItemType.SingleChoice, Text = "Hur ofta?", Required = true,
                Options = [new() { Code = "1", Text = "Sällan", Score = 0 }, new() { Code = "2", Text = "Ofta", Score = 3 }],
            },
            new FormItem { Id = "f2", Type = FormItemType.Slider, Text = "Smärta", Min = 0, Max = 10, Step = 1, MinLabel = "Ingen", MaxLabel = "Värsta" },
            new FormItem
            {
                Id = "f3", Type = FormItemType.LongText, Text = "Berätta mer", MaxLength = 500,
                ShowWhen = new FormCondition { Rules = [new() { ItemId = "f1", Operator = ConditionOperator.Equals, Value = "2" }] },
            },
            new FormItem { Id = "f4", Type = FormItemType.Group, Items = [new FormItem { Id = "f5", Type = FormItemType.Date, Text = "Datum" }] },
        ],
        Scoring = new FormScoring
        {
            Scales =
            [
                new ScoreScale
                {
                    Id = "total", Name = "Summa", ItemIds = ["f1", "f2"], ReverseItemIds = ["f2"],
                    Bands = [new() { From = 0, To = 7, Label = "Normalt" }, new() { From = 8, To = 13, Label = "Förhöjt" }],
                },
            ],
        },
    };

    private static IReadOnlyList<DefinitionProblem> Problems(Action<FormDefinition> change)
    {
        var definition = Sound();
        change(definition);
        return FormDefinitionValidator.Validate(definition);
    }

    private static void AssertProblem(Action<FormDefinition> change, string? itemId, string fragment)
    {
        var problems = Problems(change);
        Assert.Contains(problems, p => p.ItemId == itemId && p.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void A_sound_definition_has_no_problems() => Assert.Empty(FormDefinitionValidator.Validate(Sound()));

    [Fact]
    public void An_empty_form_is_refused() => AssertProblem(d => d.Items.Clear(), null, "inga frågor");

    [Fact]
    public void Ids_must_be_unique_and_present()
    {
        AssertProblem(d => d.Items[1].Id = "f1", "f1", "används av flera frågor");
        AssertProblem(d => d.Items[1].Id = "", null, "saknar id");
    }

    [Fact]
    public void Every_item_but_groups_needs_text()
    {
        AssertProblem(d => d.Items[1].Text = " ", "f2", "saknar text");
        Assert.DoesNotContain(Problems(_ => { }), p => p.ItemId == "f4");
    }

    [Fact]
    public void Options_only_on_choice_items_and_yes_no_only_with_ja_nej()
    {
        AssertProblem(d => d.Items[2].Options.Add(new() { Code = "x", Text = "X" }), "f3", "bara finnas på flervalsfrågor");
        Assert.Empty(Problems(d => d.Items.Add(new FormItem
        {
            Id = "f6", Type = FormItemType.YesNo, Text = "Ja?", Options = [new() { Code = "ja", Text = "Ja", Score = 1 }, new() { Code = "nej", Text = "Nej", Score = 0 }],
        })));
        AssertProblem(d => d.Items.Add(new FormItem
        {
            Id = "f6", Type = FormItemType.YesNo, Text = "Ja?", Options = [new() { Code = "kanske", Text = "Kanske" }],
        }), "f6", "\"ja\" och \"nej\"");
    }

    [Fact]
    public void Choices_need_two_options_with_unique_codes_and_texts()
    {
        AssertProblem(d => d.Items[0].Options.RemoveAt(1), "f1", "minst två");
        AssertProblem(d => d.Items[0].Options[1].Code = "1", "f1", "koden 1 används av flera");
        AssertProblem(d => d.Items[0].Options[1].Code = "", "f1", "behöver en kod");
        AssertProblem(d => d.Items[0].Options[1].Text = "", "f1", "behöver en text");
    }

    [Fact]
    public void Min_below_max_and_sliders_need_range_and_positive_step()
    {
        AssertProblem(d => d.Items[1].Min = 10, "f2", "mindre än största");
        AssertProblem(d => d.Items[1].Max = null, "f2", "både minsta och största");
        AssertProblem(d => d.Items[1].Step = 0, "f2", "steg större än 0");
        AssertProblem(d => d.Items[2].Min = 1, "f3", "bara anges för tal");
    }

    [Fact]
    public void Max_length_is_positive_and_only_on_texts()
    {
        AssertProblem(d => d.Items[2].MaxLength = 0, "f3", "större än 0");
        AssertProblem(d => d.Items[1].MaxLength = 5, "f2", "bara anges för textfrågor");
    }

    [Fact]
    public void Groups_need_children_and_repeating_groups_do_not_nest()
    {
        AssertProblem(d => d.Items[3].Items.Clear(), "f4", "har inga frågor");
        AssertProblem(d =>
        {
            d.Items[3].Type = FormItemType.RepeatingGroup;
            d.Items[3].Items.Add(new FormItem { Id = "f9", Type = FormItemType.RepeatingGroup, Items = [new FormItem { Id = "f10", Type = FormItemType.Integer, Text = "Min" }] });
        }, "f9", "inte ligga i en annan upprepad grupp");
        AssertProblem(d => d.Items[1].Items.Add(new FormItem { Id = "f9", Type = FormItemType.ShortText, Text = "x" }), "f2", "bara grupper");
    }

    [Fact]
    public void Conditions_point_at_an_earlier_answerable_item_not_itself_or_its_group()
    {
        AssertProblem(d => d.Items[2].ShowWhen!.Rules[0].ItemId = "f3", "f3", "frågan själv");
        AssertProblem(d => d.Items[2].ShowWhen!.Rules[0].ItemId = "f99", "f3", "inte finns");
        AssertProblem(d => d.Items[0].ShowWhen = new FormCondition { Rules = [new() { ItemId = "f2", Operator = ConditionOperator.Exists }] }, "f1", "kommer före");
        AssertProblem(d => d.Items[3].ShowWhen = new FormCondition { Rules = [new() { ItemId = "f5", Operator = ConditionOperator.Exists }] }, "f4", "samma grupp");
        AssertProblem(d => d.Items[3].Items[0].ShowWhen = new FormCondition { Rules = [new() { ItemId = "f4", Operator = ConditionOperator.Exists }] }, "f5", "går att besvara");
    }

    [Fact]
    public void Condition_operators_and_values_fit_the_item()
    {
        AssertProblem(d => d.Items[2].ShowWhen!.Rules[0].Value = "7", "f3", "inte en kod");
        AssertProblem(d => d.Items[2].ShowWhen!.Rules[0] = new() { ItemId = "f1", Operator = ConditionOperator.Exists, Value = "2" }, "f3", "har inget värde");
        AssertProblem(d => d.Items[2].ShowWhen!.Rules[0] = new() { ItemId = "f1", Operator = ConditionOperator.Greater, Value = "1" }, "f3", "större än");
        AssertProblem(d => d.Items[2].ShowWhen!.Rules[0] = new() { ItemId = "f2", Operator = ConditionOperator.Less, Value = "mycket" }, "f3", "större än");
        AssertProblem(d => d.Items[2].ShowWhen!.Rules[0] = new() { ItemId = "f2", Operator = ConditionOperator.Equals, Value = "" }, "f3", "saknar värde");
        Assert.Empty(Problems(d => d.Items[2].ShowWhen!.Rules[0] = new() { ItemId = "f2", Operator = ConditionOperator.Greater, Value = "5" }));
        Assert.Empty(Problems(d =>
        {
            d.Items.Add(new FormItem { Id = "f6", Type = FormItemType.Time, Text = "Tid",
                ShowWhen = new FormCondition { Rules = [new() { ItemId = "f5", Operator = ConditionOperator.Less, Value = "2026-01-01" }] } });
        }));
        AssertProblem(d => d.Items.Add(new FormItem { Id = "f6", Type = FormItemType.ShortText, Text = "T",
            ShowWhen = new FormCondition { Rules = [new() { ItemId = "f5", Operator = ConditionOperator.Less, Value = "igår" }] } }), "f6", "större än");
    }

    [Fact]
    public void Scales_need_unique_ids_names_and_scoreable_existing_items()
    {
        AssertProblem(d => d.Scoring.Scales.Add(new ScoreScale { Id = "total", Name = "Igen", ItemIds = ["f1"] }), "total", "flera poängskalor");
        AssertProblem(d => d.Scoring.Scales[0].Name = "", "total", "saknar namn");
        AssertProblem(d => d.Scoring.Scales[0].Id = "", null, "saknar id");
        AssertProblem(d => { d.Scoring.Scales[0].ItemIds.Clear(); d.Scoring.Scales[0].ReverseItemIds.Clear(); }, "total", "har inga frågor");
        AssertProblem(d => d.Scoring.Scales[0].ItemIds.Add("f99"), "total", "f99 finns inte");
        AssertProblem(d => d.Scoring.Scales[0].ItemIds.Add("f3"), "total", "ger inga poäng");
        AssertProblem(d => d.Scoring.Scales[0].ReverseItemIds.Add("f5"), "total", "också ingå");
        AssertProblem(d => d.Scoring.Scales[0].MinAnswered = 3, "total", "minsta antal");
    }

    [Fact]
    public void Bands_run_forwards_and_do_not_overlap()
    {
        AssertProblem(d => d.Scoring.Scales[0].Bands[0].From = 9, "total", "börjar efter");
        AssertProblem(d => d.Scoring.Scales[0].Bands[1].From = 7, "total", "överlappar");
        AssertProblem(d => d.Scoring.Scales[0].Bands[1].Label = "", "total", "saknar etikett");
    }

    [Fact]
    public void Diary_derived_values_point_at_existing_items()
    {
        AssertProblem(d => d.Diary = new DiarySettings { Derived = [new() { Id = "d1", Label = "Tid", Kind = DerivedKind.Sum, ItemIds = ["f2", "f42"] }] },
            null, "(f42)");
        Assert.Empty(Problems(d => d.Diary = new DiarySettings { Derived = [new() { Id = "d1", Label = "Tid", Kind = DerivedKind.Sum, ItemIds = ["f2"] }] }));
    }
}
