using Microsoft.EntityFrameworkCore;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;

namespace Smartskola.Forms.Answering;

public enum SaveOutcome
{
    Saved,

    /// <summary>Another tab (or device) saved first: the caller gets the server's answers instead.</summary>
    Stale,

    /// <summary>The entry is already submitted; nothing more is saved.</summary>
    Submitted,
}

public sealed record SaveResult(SaveOutcome Outcome, FormResponse Response);

/// <summary>
/// Writes a patient's answers: autosaved drafts (conditional on the revision the page last saw) and the submission
/// (one conditional Draft → Submitted update, so a double click, a retry or a second tab never makes two responses).
/// </summary>
public sealed class ResponseWriter(FormsDbContext db, TimeProvider clock)
{
    public Task<FormResponse?> FindAsync(Guid assignmentId, string entryKey, CancellationToken cancellationToken) =>
        db.Responses.AsNoTracking().FirstOrDefaultAsync(r => r.AssignmentId == assignmentId && r.EntryKey == entryKey, cancellationToken);

    /// <summary>A diary's entries, newest date first.</summary>
    public async Task<IReadOnlyList<FormResponse>> EntriesAsync(Guid assignmentId, CancellationToken cancellationToken) =>
        await db.Responses.AsNoTracking().Where(r => r.AssignmentId == assignmentId)
            .OrderByDescending(r => r.EntryDate).ThenByDescending(r => r.StartedUtc).ToListAsync(cancellationToken);

    public async Task<SaveResult> SaveDraftAsync(PatientAssignment target, string entryKey, DateOnly? entryDate, int revision,
        FormAnswers answers, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await FindAsync(target.Assignment.Id, entryKey, cancellationToken);
        if (existing is null)
        {
            if (revision != 0)
            {
                // The page saw a response that is gone (cannot happen in normal use): start over as new.
                revision = 0;
            }

            var created = await TryCreateAsync(target, entryKey, entryDate, answers.ToJson(), now, cancellationToken);
            if (created is not null)
            {
                await MarkStartedAsync(target.Assignment.Id, cancellationToken);
                return new SaveResult(SaveOutcome.Saved, created);
            }

            existing = (await FindAsync(target.Assignment.Id, entryKey, cancellationToken))!;
            return new SaveResult(existing.Status == ResponseStatus.Submitted ? SaveOutcome.Submitted : SaveOutcome.Stale, existing);
        }

        if (existing.Status == ResponseStatus.Submitted)
        {
            return new SaveResult(SaveOutcome.Submitted, existing);
        }

        var json = answers.ToJson();
        var updated = await db.Responses
            .Where(r => r.Id == existing.Id && r.Revision == revision && r.Status == ResponseStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AnswersJson, json).SetProperty(r => r.SavedUtc, now)
                .SetProperty(r => r.Revision, revision + 1), cancellationToken);
        var current = (await FindAsync(target.Assignment.Id, entryKey, cancellationToken))!;
        if (updated == 0)
        {
            return new SaveResult(current.Status == ResponseStatus.Submitted ? SaveOutcome.Submitted : SaveOutcome.Stale, current);
        }

        await MarkStartedAsync(target.Assignment.Id, cancellationToken);
        return new SaveResult(SaveOutcome.Saved, current);
    }

    /// <summary>
    /// Submits valid answers (the caller validated them): cleaned, scored, and the Draft → Submitted step done once.
    /// Returns the submitted response, also when an earlier request submitted it.
    /// </summary>
    public async Task<FormResponse> SubmitAsync(PatientAssignment target, string entryKey, DateOnly? entryDate, FormAnswers answers,
        bool completesAssignment, CancellationToken cancellationToken)
    {
        var (json, scoresJson, algorithm) = ScoredAnswers.Of(target.Template.Definition, answers);
        var now = clock.GetUtcNow().UtcDateTime;

        var existing = await FindAsync(target.Assignment.Id, entryKey, cancellationToken)
            ?? await TryCreateAsync(target, entryKey, entryDate, json, now, cancellationToken)
            ?? (await FindAsync(target.Assignment.Id, entryKey, cancellationToken))!;
        if (existing.Status == ResponseStatus.Submitted)
        {
            return existing;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var updated = await db.Responses.Where(r => r.Id == existing.Id && r.Status == ResponseStatus.Draft)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.AnswersJson, json).SetProperty(r => r.ScoresJson, scoresJson)
                    .SetProperty(r => r.ScoringAlgorithm, algorithm).SetProperty(r => r.Status, ResponseStatus.Submitted)
                    .SetProperty(r => r.SubmittedUtc, now).SetProperty(r => r.SavedUtc, now)
                    .SetProperty(r => r.Revision, r => r.Revision + 1), cancellationToken);
            if (updated == 1 && completesAssignment)
            {
                await db.Assignments.Where(a => a.Id == target.Assignment.Id && a.Status != AssignmentStatus.Cancelled)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AssignmentStatus.Answered), cancellationToken);
            }
            else if (updated == 1)
            {
                await MarkStartedAsync(target.Assignment.Id, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return (await FindAsync(target.Assignment.Id, entryKey, cancellationToken))!;
    }

    /// <summary>Feedback on the patient's response, marked seen now that they see it.</summary>
    public async Task<IReadOnlyList<ResponseFeedback>> FeedbackSeenAsync(Guid responseId, CancellationToken cancellationToken)
    {
        var feedback = await db.Feedback.AsNoTracking().Where(f => f.ResponseId == responseId)
            .OrderBy(f => f.CreatedUtc).ToListAsync(cancellationToken);
        if (feedback.Any(f => f.SeenUtc is null))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Feedback.Where(f => f.ResponseId == responseId && f.SeenUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.SeenUtc, now), cancellationToken);
        }

        return feedback;
    }

    private async Task<FormResponse?> TryCreateAsync(PatientAssignment target, string entryKey, DateOnly? entryDate, string json,
        DateTime now, CancellationToken cancellationToken)
    {
        var response = new FormResponse
        {
            Id = Guid.NewGuid(),
            AssignmentId = target.Assignment.Id,
            EnrolmentId = target.Assignment.EnrolmentId,
            UnitId = target.Assignment.UnitId,
            TemplateId = target.Template.TemplateId,
            TemplateVersion = target.Template.Version,
            EntryKey = entryKey,
            EntryDate = entryDate,
            Status = ResponseStatus.Draft,
            AnswersJson = json,
            StartedUtc = now,
            SavedUtc = now,
            Revision = 1,
        };
        db.Responses.Add(response);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return response;
        }
        catch (DbUpdateException)
        {
            // Another request created the same entry first (unique AssignmentId + EntryKey).
            db.ChangeTracker.Clear();
            return null;
        }
        finally
        {
            db.Entry(response).State = EntityState.Detached;
        }
    }

    private Task<int> MarkStartedAsync(Guid assignmentId, CancellationToken cancellationToken) =>
        db.Assignments.Where(a => a.Id == assignmentId && a.Status == AssignmentStatus.NotStarted)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AssignmentStatus.InProgress), cancellationToken);
}
