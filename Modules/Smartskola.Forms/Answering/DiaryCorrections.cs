using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Site;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;

namespace Smartskola.Forms.Answering;

public enum CorrectionOutcome
{
    Corrected,

    /// <summary>Another tab (or device) saved the entry after this page was loaded: nothing written.</summary>
    Stale,

    /// <summary>The entry may no longer be corrected (too old, or the assignment was cancelled): nothing written.</summary>
    Closed,
}

public sealed record CorrectionResult(CorrectionOutcome Outcome, FormResponse Response);

/// <summary>
/// A patient corrects a saved diary entry within <see cref="WindowDays"/> days of its date. Ordinary forms are
/// answered once and stay as submitted. The caller validated the answers; the correction is cleaned, rescored and
/// written in one conditional update on the revision the page saw, so a stale tab never overwrites a newer save.
/// Derived diary values are computed from the stored answers when shown, so they follow the correction.
/// </summary>
public sealed class DiaryCorrections(FormsDbContext db, TimeProvider clock)
{
    /// <summary>An entry dated up to this many days before today may be corrected; older entries are read-only.</summary>
    public const int WindowDays = 7;

    /// <summary>Whether the patient may correct this entry now (the caller already checked the assignment is theirs).</summary>
    public static bool IsOpen(PatientAssignment target, FormResponse? entry, DateOnly today) =>
        target.Template.Definition.Diary is not null && target.Assignment.Status != AssignmentStatus.Cancelled
        && entry is { Status: ResponseStatus.Submitted, EntryDate: { } date } && date >= OldestOpen(today);

    /// <summary>The last day a correction of an entry dated <paramref name="date"/> is possible.</summary>
    public static DateOnly LastDay(DateOnly date) => date.AddDays(WindowDays);

    public async Task<CorrectionResult> CorrectAsync(PatientAssignment target, FormResponse entry, int revision, FormAnswers answers,
        CancellationToken cancellationToken)
    {
        var (json, scoresJson, algorithm) = ScoredAnswers.Of(target.Template.Definition, answers);
        var now = clock.GetUtcNow().UtcDateTime;
        var oldest = OldestOpen(SwedishTime.Today(clock));

        // Every condition in the one update: the revision seen, still submitted, still inside the window and the
        // assignment not cancelled meanwhile. SubmittedUtc is kept: it is when the entry was first saved.
        var updated = await db.Responses
            .Where(r => r.Id == entry.Id && r.Revision == revision && r.Status == ResponseStatus.Submitted && r.EntryDate >= oldest
                && db.Assignments.Any(a => a.Id == r.AssignmentId && a.Status != AssignmentStatus.Cancelled))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AnswersJson, json).SetProperty(r => r.ScoresJson, scoresJson)
                .SetProperty(r => r.ScoringAlgorithm, algorithm).SetProperty(r => r.SavedUtc, now)
                .SetProperty(r => r.Revision, revision + 1), cancellationToken);
        var current = await db.Responses.AsNoTracking().SingleAsync(r => r.Id == entry.Id, cancellationToken);
        var outcome = updated == 1 ? CorrectionOutcome.Corrected
            : current.Revision != revision ? CorrectionOutcome.Stale
            : CorrectionOutcome.Closed;
        return new CorrectionResult(outcome, current);
    }

    private static DateOnly OldestOpen(DateOnly today) => today.AddDays(-WindowDays);
}
