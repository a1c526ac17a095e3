using System.Globalization;

namespace Smartskola.Forms.Definitions;

/// <summary>One derived value of a diary entry, ready to show ("Sömneffektivitet 85 %").</summary>
public sealed record DerivedResult(string Id, string Label, decimal? Value, string? Unit)
{
    public string Text => Value is { } v
        ? v.ToString("0.##", CultureInfo.GetCultureInfo("sv-SE")) + (Unit is { Length: > 0 } unit ? " " + unit : "")
        : "–";
}

/// <summary>
/// Values computed from a diary entry for display (never stored): sums, minutes between two times (across midnight,
/// as a bedtime and a wake-up time are) and sleep efficiency. A value is null when an answer it needs is missing.
/// </summary>
public static class DiaryDerived
{
    public static IReadOnlyList<DerivedResult> Compute(DiarySettings? diary, FormAnswers answers) =>
        diary is null ? [] : diary.Derived.Select(d => new DerivedResult(d.Id, d.Label, Value(d, answers), d.Unit)).ToList();

    public static decimal? Value(DerivedValue derived, FormAnswers answers) => derived.Kind switch
    {
        DerivedKind.Sum => Sum(derived.ItemIds, answers),
        DerivedKind.MinutesBetween when derived.ItemIds.Count == 2 => MinutesBetween(answers.Text(derived.ItemIds[0]), answers.Text(derived.ItemIds[1])),
        DerivedKind.SleepEfficiency when derived.ItemIds.Count == 4 => SleepEfficiency(
            MinutesBetween(answers.Text(derived.ItemIds[0]), answers.Text(derived.ItemIds[1])),
            answers.Number(derived.ItemIds[2]) ?? 0, answers.Number(derived.ItemIds[3]) ?? 0),
        _ => null,
    };

    /// <summary>The sum of the answered numbers among the items; null when none is answered.</summary>
    public static decimal? Sum(IEnumerable<string> itemIds, FormAnswers answers)
    {
        var values = itemIds.Select(answers.Number).OfType<decimal>().ToList();
        return values.Count == 0 ? null : values.Sum();
    }

    /// <summary>Minutes from one "HH:mm" to the next; an earlier "to" is the next day (22:30 → 06:15 is 465).</summary>
    public static decimal? MinutesBetween(string? from, string? to)
    {
        if (!TimeOnly.TryParseExact(from, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(to, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            return null;
        }

        var minutes = (int)(end - start).TotalMinutes; // TimeOnly subtraction wraps around midnight.
        return minutes;
    }

    /// <summary>(time in bed − minutes to fall asleep − minutes awake) / time in bed × 100, rounded; null without time in bed.</summary>
    public static decimal? SleepEfficiency(decimal? minutesInBed, decimal minutesToSleep, decimal minutesAwake)
    {
        if (minutesInBed is not { } inBed || inBed <= 0)
        {
            return null;
        }

        var asleep = Math.Max(0, inBed - minutesToSleep - minutesAwake);
        return Math.Round(asleep / inBed * 100, MidpointRounding.AwayFromZero);
    }
}
