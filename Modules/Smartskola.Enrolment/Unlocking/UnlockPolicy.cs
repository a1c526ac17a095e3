using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Unlocking;

/// <summary>
/// An enrolment's unlocking policy as the clinician chooses it. Module positions are 1-based in the program's
/// order; "opens on" days are Swedish calendar days counted from the start date.
/// </summary>
public sealed record UnlockPolicy(UnlockPolicyKind Kind, int InitialModules, int IntervalDays)
{
    public const int MaxIntervalDays = 90;

    public static UnlockPolicy From(ProgramEnrolment enrolment) => new(enrolment.Policy, enrolment.InitialModules, enrolment.IntervalDays);

    /// <summary>How many modules the policy opens at the start, for a program of <paramref name="moduleCount"/>.</summary>
    public int OpenAtStart(int moduleCount) => Kind switch
    {
        UnlockPolicyKind.AllAtStart => moduleCount,
        UnlockPolicyKind.Manual => 0,
        _ => Math.Clamp(InitialModules, 0, moduleCount),
    };

    /// <summary>The day the module at <paramref name="position"/> opens by schedule, or null if the schedule does not open it.</summary>
    public DateOnly? ScheduledDay(int position, DateOnly start, int moduleCount)
    {
        if (position <= OpenAtStart(moduleCount))
        {
            return start;
        }

        return Kind == UnlockPolicyKind.Scheduled && IntervalDays > 0 && position <= moduleCount
            ? start.AddDays((position - OpenAtStart(moduleCount)) * IntervalDays)
            : null;
    }

    /// <summary>Problems with the numbers, in Swedish; empty when the policy is usable.</summary>
    public IReadOnlyList<string> Validate(int moduleCount)
    {
        var errors = new List<string>();
        if (Kind is UnlockPolicyKind.FirstN or UnlockPolicyKind.Scheduled or UnlockPolicyKind.AfterPrevious
            && (InitialModules < 1 || InitialModules > moduleCount))
        {
            errors.Add($"Ange hur många moduler som ska vara öppna från start (1–{moduleCount}).");
        }

        if (Kind == UnlockPolicyKind.Scheduled && (IntervalDays < 1 || IntervalDays > MaxIntervalDays))
        {
            errors.Add($"Ange hur många dagar det ska gå mellan modulerna (1–{MaxIntervalDays}).");
        }

        return errors;
    }

    /// <summary>The policy in words, for the clinician's page and the timeline.</summary>
    public string Describe() => Kind switch
    {
        UnlockPolicyKind.AllAtStart => "Alla moduler från start",
        UnlockPolicyKind.FirstN => $"De första {InitialModules} modulerna från start, resten för hand",
        UnlockPolicyKind.Scheduled => $"De första {InitialModules} modulerna från start, sedan en ny var {IntervalDays}:e dag",
        UnlockPolicyKind.Manual => "Behandlaren öppnar varje modul för hand",
        UnlockPolicyKind.AfterPrevious => $"De första {InitialModules} modulerna från start, sedan nästa när föregående är klar",
        _ => Kind.ToString(),
    };
}
