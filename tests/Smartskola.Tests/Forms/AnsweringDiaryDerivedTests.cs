using System.Text.Json.Nodes;
using Smartskola.Forms.Definitions;

namespace Smartskola.Tests.Forms;

/// <summary>Derived diary values: sums, minutes across midnight and sleep efficiency.</summary>
public sealed class AnsweringDiaryDerivedTests
{
    private static readonly DiarySettings Sleep = new()
    {
        Frequency = DiaryFrequency.OncePerDay,
        Derived =
        [
            new DerivedValue { Id = "bed", Label = "Tid i sängen", Kind = DerivedKind.MinutesBetween, ItemIds = ["in", "up"], Unit = "min" },
            new DerivedValue { Id = "se", Label = "Sömneffektivitet", Kind = DerivedKind.SleepEfficiency, ItemIds = ["in", "up", "latency", "awake"], Unit = "%" },
            new DerivedValue { Id = "sum", Label = "Vaken totalt", Kind = DerivedKind.Sum, ItemIds = ["latency", "awake"], Unit = "min" },
        ],
    };

    private static FormAnswers Answers(string json) => FormAnswers.FromJson(json);

    [Theory]
    [InlineData("22:30", "06:30", 480)]
    [InlineData("23:45", "00:15", 30)]
    [InlineData("01:00", "07:30", 390)]
    [InlineData("07:00", "07:00", 0)]
    public void Minutes_between_two_times_go_across_midnight(string from, string to, int minutes) =>
        Assert.Equal(minutes, DiaryDerived.MinutesBetween(from, to));

    [Fact]
    public void Sleep_efficiency_is_time_asleep_over_time_in_bed_rounded()
    {
        // 480 min in bed, 30 to fall asleep, 45 awake: 405 / 480 = 84.375 % → 84.
        var results = DiaryDerived.Compute(Sleep, Answers("""{"in":"22:30","up":"06:30","latency":30,"awake":"45"}"""));
        Assert.Equal(["480 min", "84 %", "75 min"], results.Select(r => r.Text));
    }

    [Fact]
    public void A_missing_answer_gives_no_value_rather_than_a_wrong_one()
    {
        var results = DiaryDerived.Compute(Sleep, Answers("""{"in":"22:30","latency":10}"""));
        Assert.Null(results[0].Value);
        Assert.Null(results[1].Value);
        Assert.Equal("–", results[1].Text);
        Assert.Equal(10, results[2].Value);
        Assert.Null(DiaryDerived.SleepEfficiency(0, 0, 0));
        Assert.Equal(0, DiaryDerived.SleepEfficiency(60, 50, 30));
        Assert.Empty(DiaryDerived.Compute(null, new FormAnswers(new JsonObject())));
    }
}
