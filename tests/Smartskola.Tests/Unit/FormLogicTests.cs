using System.Text.Json.Nodes;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Templates;

namespace Smartskola.Tests.Unit;

/// <summary>Conditional display, scoring and answer validation of form definitions (server side).</summary>
public sealed class FormLogicTests
{
    private static FormDefinition Sample()
    {
        var definition = new FormDefinition();
        definition.Items.Add(new FormItem
        {
            Id = definition.NewId(), Type = FormItemType.SingleChoice, Text = "Hur ofta har du ont?", Required = true,
            Options = [new() { Code = "0", Text = "Aldrig", Score = 0 }, new() { Code = "1", Text = "Ibland", Score = 1 },
                new() { Code = "2", Text = "Ofta", Score = 2 }, new() { Code = "3", Text = "Alltid", Score = 3 }],
        });
        definition.Items.Add(new FormItem
        {
            Id = definition.NewId(), Type = FormItemType.LongText, Text = "Beskriv när det gör som mest ont.", Required = true,
            ShowWhen = new FormCondition { Rules = [new() { ItemId = "f1", Operator = ConditionOperator.Greater, Value = "1" }] },
        });
        definition.Items.Add(new FormItem
        {
            Id = definition.NewId(), Type = FormItemType.Slider, Text = "Smärta just nu", Min = 0, Max = 10, Step = 1,
            MinLabel = "Ingen smärta", MaxLabel = "Värsta tänkbara",
        });
        definition.Items.Add(new FormItem
        {
            Id = definition.NewId(), Type = FormItemType.SingleChoice, Text = "Jag kan slappna av.",
            Options = [new() { Code = "a", Text = "Nästan alltid", Score = 0 }, new() { Code = "b", Text = "Sällan", Score = 3 }],
        });
        definition.Scoring.Scales.Add(new ScoreScale
        {
            Id = "total", Name = "Summa", ItemIds = ["f1", "f3", "f4"], ReverseItemIds = ["f4"],
            Bands = [new() { From = 0, To = 7, Label = "Normalt" }, new() { From = 8, To = 10, Label = "Gränsfall" },
                new() { From = 11, To = 21, Label = "Förhöjt" }],
        });
        return definition;
    }

    private static FormAnswers Answers(string json) => FormAnswers.FromJson(json);

    [Theory]
    [InlineData("{}", false)]
    [InlineData("""{"f1":"1"}""", false)]
    [InlineData("""{"f1":"2"}""", true)]
    [InlineData("""{"f1":"3"}""", true)]
    public void A_follow_up_question_is_shown_only_when_its_condition_holds(string answers, bool shown)
    {
        var definition = Sample();
        Assert.Equal(shown, FormConditions.IsShown(definition, definition.Find("f2")!, Answers(answers)));
    }

    [Fact]
    public void Any_and_all_combine_rules_and_unanswered_questions_equal_nothing()
    {
        var any = new FormCondition { Match = ConditionMatch.Any, Rules =
        [
            new() { ItemId = "x", Operator = ConditionOperator.Equals, Value = "ja" },
            new() { ItemId = "y", Operator = ConditionOperator.Exists },
        ] };
        var all = new FormCondition { Match = ConditionMatch.All, Rules = any.Rules };
        Assert.True(FormConditions.Holds(any, Answers("""{"y":"något"}""")));
        Assert.False(FormConditions.Holds(all, Answers("""{"y":"något"}""")));
        Assert.True(FormConditions.Holds(all, Answers("""{"x":"ja","y":"något"}""")));
        Assert.False(FormConditions.Holds(any, Answers("{}")));
        Assert.True(FormConditions.Holds(new FormCondition { Rules = [new() { ItemId = "x", Operator = ConditionOperator.NotEquals, Value = "ja" }] },
            Answers("{}")));
    }

    [Fact]
    public void Children_of_a_hidden_group_are_hidden()
    {
        var definition = new FormDefinition();
        definition.Items.Add(new FormItem { Id = "yn", Type = FormItemType.YesNo, Text = "Arbetar du?" });
        definition.Items.Add(new FormItem
        {
            Id = "g", Type = FormItemType.Group, Text = "Om arbetet",
            ShowWhen = new FormCondition { Rules = [new() { ItemId = "yn", Operator = ConditionOperator.Equals, Value = "ja" }] },
            Items = [new FormItem { Id = "q", Type = FormItemType.ShortText, Text = "Yrke", Required = true }],
        });
        Assert.False(FormConditions.IsShown(definition, definition.Find("q")!, Answers("""{"yn":"nej"}""")));
        Assert.Empty(AnswerValidator.Validate(definition, Answers("""{"yn":"nej","q":"kvar från förut"}""")));
        Assert.Equal("""{"yn":"nej"}""", AnswerValidator.Clean(definition, Answers("""{"yn":"nej","q":"kvar från förut"}""")).ToJson());
        Assert.Equal("Frågan behöver besvaras.", AnswerValidator.Validate(definition, Answers("""{"yn":"ja"}"""))["q"]);
    }

    [Theory]
    [InlineData("""{"f1":"3","f2":"kvällar","f3":6,"f4":"a"}""", 12, "Förhöjt")]  // 3 + 6 + reversed(0) = 3 + 6 + 3
    [InlineData("""{"f1":"0","f3":2,"f4":"b"}""", 2, "Normalt")]                   // 0 + 2 + reversed(3) = 0
    [InlineData("""{"f1":"2","f2":"alltid","f3":5,"f4":"a"}""", 10, "Gränsfall")]
    public void Scores_sum_with_reverse_items_and_take_the_band_label(string answers, decimal value, string band)
    {
        var score = Assert.Single(FormScorer.Score(Sample(), Answers(answers)));
        Assert.Equal(value, score.Value);
        Assert.Equal(band, score.Band);
        Assert.Equal(3, score.Answered);
    }

    [Fact]
    public void A_score_needs_its_items_answered_and_a_mean_is_rounded()
    {
        var definition = Sample();
        Assert.Null(Assert.Single(FormScorer.Score(definition, Answers("""{"f1":"3"}"""))).Value);
        definition.Scoring.Scales[0].MinAnswered = 2;
        definition.Scoring.Scales[0].Method = ScoreMethod.Mean;
        var mean = Assert.Single(FormScorer.Score(definition, Answers("""{"f1":"1","f3":2}""")));
        Assert.Equal(1.5m, mean.Value);
        var roundTrip = FormScorer.FromJson(FormScorer.ToJson([mean]));
        Assert.Equal(mean, Assert.Single(roundTrip));
    }

    [Theory]
    [InlineData("""{"f1":"9"}""", "f1", "Välj ett av alternativen.")]
    [InlineData("""{"f1":"3"}""", "f2", "Frågan behöver besvaras.")]
    [InlineData("""{"f1":"0","f3":11}""", "f3", "Värdet ska vara mellan 0 och 10.")]
    [InlineData("""{"f1":"0","f3":"mycket"}""", "f3", "Skriv ett tal.")]
    public void Invalid_answers_get_a_Swedish_message_per_question(string answers, string item, string message)
    {
        Assert.Equal(message, AnswerValidator.Validate(Sample(), Answers(answers))[item]);
    }

    [Fact]
    public void Rows_of_a_repeating_group_are_checked_one_by_one()
    {
        var definition = new FormDefinition();
        definition.Items.Add(new FormItem
        {
            Id = "rows", Type = FormItemType.RepeatingGroup, Text = "Träningspass", Required = true, MaxRows = 2,
            Items = [new FormItem { Id = "min", Type = FormItemType.Integer, Text = "Minuter", Min = 1, Max = 300, Unit = "minuter" }],
        });
        Assert.Equal("Lägg till minst en rad.", AnswerValidator.Validate(definition, Answers("{}"))["rows"]);
        var errors = AnswerValidator.Validate(definition, Answers("""{"rows":[{"min":30},{"min":2.5}]}"""));
        Assert.Equal("Skriv ett heltal.", errors["rows[1].min"]);
        Assert.Equal("Högst 2 rader.", AnswerValidator.Validate(definition, Answers("""{"rows":[{},{},{}]}"""))["rows"]);
    }

    [Fact]
    public void New_ids_are_never_reused_even_after_a_question_is_removed()
    {
        var definition = Sample();
        definition.Items.RemoveAt(3);
        var copy = definition.Clone();
        Assert.Equal("f5", copy.NewId());
        Assert.Equal("f6", copy.NewId());
    }

    [Fact]
    public void A_text_pack_replaces_placeholder_wording_without_changing_the_template()
    {
        var definition = Sample();
        var texts = new Dictionary<string, string> { ["f1"] = "Licensierad fråga", ["f1.2"] = "Licensierat alternativ", ["f3.min"] = "Inget" };
        var applied = TextPacks.Apply(definition, texts);
        Assert.Equal("Licensierad fråga", applied.Find("f1")!.Text);
        Assert.Equal("Licensierat alternativ", applied.Find("f1")!.Options[2].Text);
        Assert.Equal("Inget", applied.Find("f3")!.MinLabel);
        Assert.Equal("Hur ofta har du ont?", definition.Find("f1")!.Text);
        Assert.Contains("f4.b", TextPacks.RequiredKeys(definition));
        Assert.Empty(TextPacks.Parse("inte json"));
    }

    [Fact]
    public void Numbers_written_with_a_decimal_comma_are_read()
    {
        var answers = new FormAnswers(new JsonObject { ["n"] = "2,5" });
        Assert.Equal(2.5m, answers.Number("n"));
    }
}
