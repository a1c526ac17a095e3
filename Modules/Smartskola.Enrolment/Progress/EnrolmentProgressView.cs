namespace Smartskola.Enrolment.Progress;

public enum ModuleProgressState
{
    /// <summary>Låst: not opened yet (see <see cref="ModuleProgressView.OpensOn"/>), or locked by the clinician.</summary>
    Locked,

    /// <summary>Öppen: open, nothing opened yet.</summary>
    Open,

    /// <summary>Påbörjad: some section opened.</summary>
    InProgress,

    /// <summary>Klar: every section finished.</summary>
    Done,
}

/// <summary>One module of the program as the patient has got on with it.</summary>
/// <param name="StateText">Swedish, e.g. "Öppen sedan 2026-11-23", "Öppnas 2026-12-01", "Låst av behandlare", "Klar 2026-12-05".</param>
/// <param name="OpenedUtc">When the module first opened (from its row; null when the policy opened it and no row exists yet).</param>
/// <param name="OpensOn">For a closed module the policy will open: that day.</param>
/// <param name="ExerciseTitle">The module's mindfulness exercise, if it has one.</param>
public sealed record ModuleProgressView(
    string ModuleId,
    int Number,
    string Title,
    ModuleProgressState State,
    string StateText,
    int SectionCount,
    int SectionsOpened,
    int SectionsFinished,
    string? ExerciseTitle,
    int ExercisePlays,
    DateTime? ExerciseLastPlayedUtc,
    DateTime? OpenedUtc,
    DateOnly? OpensOn,
    bool LockedByHand,
    DateTime? CompletedUtc);

/// <summary>The clinician's overview of one enrolment.</summary>
/// <param name="DurationText">"Momentet har pågått N dagar (rekommenderat M dagar)".</param>
public sealed record EnrolmentProgressView(
    IReadOnlyList<ModuleProgressView> Modules,
    DateTime? LastActiveUtc,
    int DaysSinceStart,
    int RecommendedDays,
    string DurationText);

/// <summary>One entry of an enrolment's timeline, in Swedish.</summary>
/// <param name="Text">What happened, e.g. "Läste klart ett avsnitt".</param>
/// <param name="Detail">Which item, e.g. "Modul 2: Läkemedelsbehandling"; never patient text.</param>
/// <param name="Actor">A staff member's name, "Patienten" or "Systemet".</param>
public sealed record TimelineEntry(DateTime OccurredUtc, string Kind, string Text, string? Detail, string Actor);
