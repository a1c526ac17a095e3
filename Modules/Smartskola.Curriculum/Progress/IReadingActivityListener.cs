namespace Smartskola.Curriculum.Progress;

public enum ReadingActivityKind
{
    /// <summary>The patient opened any page of the program.</summary>
    Visited,

    /// <summary>The patient opened a section for the first time.</summary>
    SectionOpened,

    /// <summary>The patient finished a section for the first time.</summary>
    SectionFinished,

    /// <summary>The patient started an exercise's recording.</summary>
    ExercisePlayed,
}

/// <summary>Something a patient did in the program.</summary>
/// <param name="ItemId">The section or exercise (null for <see cref="ReadingActivityKind.Visited"/>).</param>
/// <param name="ModuleId">The module the section belongs to, or the first open module that introduces the exercise.</param>
/// <param name="ModuleCompleted">This event finished the module's last unfinished section.</param>
public sealed record ReadingActivity(Guid UserId, ReadingActivityKind Kind, string? ItemId, string? ModuleId, bool ModuleCompleted);

/// <summary>
/// Told about patients' reading after the progress is saved (the enrolment module keeps its timeline and "last
/// active" this way). Never called for an editor's preview.
/// </summary>
public interface IReadingActivityListener
{
    Task OnActivityAsync(ReadingActivity activity, CancellationToken cancellationToken);
}
