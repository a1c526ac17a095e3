using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Audit;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Forms.Dispatch;
using Smartskola.Notifications.Sending;

namespace Smartskola.Forms.FollowUp;

/// <summary>One assignment on the follow-up page (with when its shown response was corrected by the patient).</summary>
public sealed record FollowUpRow(FormAssignment Assignment, string PatientName, Guid? ResponseId, DateTime? SubmittedUtc,
    IReadOnlyList<ScoreResult> Scores, bool Overdue, DateTime? CorrectedUtc);

/// <summary>What reminding by hand did: how many patients it reached, and why it did not reach the others.</summary>
public sealed record ReminderReport(int Reached, int NotOptedIn, int NotActive, int CapReached)
{
    public string Message()
    {
        var parts = new List<string>
        {
            Reached switch { 0 => "Ingen påminnelse skickades.", 1 => "En påminnelse är skickad.", _ => $"{Reached} påminnelser är skickade." },
        };
        if (NotOptedIn > 0)
        {
            parts.Add($"{Patients(NotOptedIn)} har inte valt att få aviseringar med e-post eller sms; påminn i ett meddelande i stället.");
        }

        if (NotActive > 0)
        {
            parts.Add($"{Patients(NotActive)} är i vidmakthållandeläge eller avslutad och får inga påminnelser.");
        }

        if (CapReached > 0)
        {
            parts.Add($"{Patients(CapReached)} har redan fått programmets högsta antal påminnelser den här veckan.");
        }

        return string.Join(" ", parts);
    }

    private static string Patients(int count) => count == 1 ? "En patient" : $"{count} patienter";
}

/// <summary>A dispatch in the unit's list, with how many of its assignments are answered.</summary>
public sealed record DispatchSummary(FormDispatch Dispatch, string Title, int Answered, int Total);

/// <summary>
/// The follow-up of dispatches: the unit's list, one dispatch's rows and reminders by hand. Only members of the
/// dispatch's unit see it; others get null (the page answers 404).
/// </summary>
public sealed class FollowUpService(FormsDbContext db, EnrolmentDbContext enrolments, FormNotices notices, SharedDbConnection connection,
    IAuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<DispatchSummary>> ListAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken = default)
    {
        var dispatches = await db.Dispatches.AsNoTracking().Where(d => unitIds.Contains(d.UnitId))
            .OrderByDescending(d => d.CreatedUtc).Take(200).ToListAsync(cancellationToken);
        var ids = dispatches.Select(d => d.Id).ToList();
        var counts = await db.Assignments.AsNoTracking().Where(a => a.DispatchId != null && ids.Contains(a.DispatchId.Value))
            .GroupBy(a => a.DispatchId)
            .Select(g => new { Id = g.Key!.Value, Total = g.Count(), Answered = g.Count(a => a.Status == AssignmentStatus.Answered) })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var titles = await TitlesAsync(dispatches.Select(d => (d.TemplateId, d.TemplateVersion)), cancellationToken);
        return dispatches.Select(d => new DispatchSummary(d, titles.GetValueOrDefault((d.TemplateId, d.TemplateVersion), "–"),
            counts.TryGetValue(d.Id, out var c) ? c.Answered : 0, counts.TryGetValue(d.Id, out var t) ? t.Total : 0)).ToList();
    }

    /// <summary>The dispatch when the user is a member of its unit; null otherwise (and a denied audit entry).</summary>
    public async Task<FormDispatch?> OpenAsync(ClaimsPrincipal user, Guid dispatchId, CancellationToken cancellationToken = default)
    {
        var dispatch = await db.Dispatches.AsNoTracking().FirstOrDefaultAsync(d => d.Id == dispatchId, cancellationToken);
        if (dispatch is null || !user.IsMemberOfUnit(dispatch.UnitId))
        {
            await audit.WriteAsync(new AuditEvent("forms.followup.view", "FormDispatch", dispatchId.ToString()) { Outcome = AuditOutcome.Denied },
                cancellationToken);
            return null;
        }

        await audit.WriteAsync(new AuditEvent("forms.followup.view", "FormDispatch", dispatchId.ToString()) { UnitId = dispatch.UnitId },
            cancellationToken);
        return dispatch;
    }

    public async Task<IReadOnlyList<FollowUpRow>> RowsAsync(FormDispatch dispatch, CancellationToken cancellationToken = default)
    {
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.DispatchId == dispatch.Id)
            .OrderBy(a => a.AvailableOn).ToListAsync(cancellationToken);
        var ids = assignments.Select(a => a.Id).ToList();
        var responses = (await db.Responses.AsNoTracking()
                .Where(r => ids.Contains(r.AssignmentId) && r.Status == ResponseStatus.Submitted)
                .Select(r => new { r.Id, r.AssignmentId, r.Status, r.SubmittedUtc, r.SavedUtc, r.ScoresJson }).ToListAsync(cancellationToken))
            .GroupBy(r => r.AssignmentId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.SubmittedUtc).First());
        var names = await NamesAsync(assignments.Select(a => a.EnrolmentId).Distinct().ToList(), cancellationToken);
        var today = SwedishTime.Today(clock);
        return assignments
            .Select(a =>
            {
                var response = responses.GetValueOrDefault(a.Id);
                return new FollowUpRow(a, names.GetValueOrDefault(a.EnrolmentId, "–"), response?.Id, response?.SubmittedUtc,
                    FormScorer.FromJson(response?.ScoresJson), IsOverdue(a, today),
                    response is null ? null : FormResponse.Corrected(response.Status, response.SavedUtc, response.SubmittedUtc));
            })
            .OrderBy(r => r.PatientName, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true))
            .ThenBy(r => r.Assignment.AvailableOn).ToList();
    }

    /// <summary>
    /// Reminds the chosen unanswered assignments of the dispatch through the patients' notification settings, and
    /// reports whom it reached. Answered or cancelled ones, and ones not yet available, are refused with a Swedish
    /// message and nothing is sent. Only reminders that reached the patient are counted on the assignment.
    /// </summary>
    public async Task<(ReminderReport? Report, string? Error)> RemindAsync(FormDispatch dispatch, IReadOnlyCollection<Guid> assignmentIds, string baseUrl,
        CancellationToken cancellationToken = default)
    {
        if (assignmentIds.Count == 0)
        {
            return (null, "Välj minst en patient att påminna.");
        }

        var today = SwedishTime.Today(clock);
        var chosen = await db.Assignments.Where(a => a.DispatchId == dispatch.Id && assignmentIds.Contains(a.Id)).ToListAsync(cancellationToken);
        if (chosen.Count != assignmentIds.Count)
        {
            return (null, "Någon av de valda finns inte i utskicket.");
        }

        if (chosen.Any(a => a.Status is AssignmentStatus.Answered or AssignmentStatus.Cancelled || a.AvailableOn > today))
        {
            return (null, "Påminnelse kan bara skickas för formulär som inte är besvarade. Ingen påminnelse skickades.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var outcomes = new List<NotifyOutcome>();
        await using (var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken))
        {
            foreach (var assignment in chosen)
            {
                // Each reminder by hand is a notice of its own; the count keeps the dedupe key unique.
                var outcome = await notices.NotifyAsync(assignment.EnrolmentId, assignment.Id, FormNotices.Reminder,
                    $"manual-{assignment.Reminders + 1}", baseUrl, cancellationToken);
                outcomes.Add(outcome);
                if (FormNotices.Reaches(outcome))
                {
                    assignment.Reminders++;
                    assignment.RemindedUtc = now;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await audit.WriteAsync(new AuditEvent("forms.followup.remind", "FormDispatch", dispatch.Id.ToString()) { UnitId = dispatch.UnitId },
            cancellationToken);
        // "Already done": a colleague's identical reminder went out at the same moment, so the patient was reached.
        return (new ReminderReport(outcomes.Count(o => FormNotices.Reaches(o) || o == NotifyOutcome.AlreadyDone),
            outcomes.Count(o => o == NotifyOutcome.NotOptedIn),
            outcomes.Count(o => o == NotifyOutcome.NotActive), outcomes.Count(o => o == NotifyOutcome.CapReached)), null);
    }

    public static bool IsOverdue(FormAssignment a, DateOnly today) =>
        a.DueOn is { } due && due < today && a.Status is AssignmentStatus.NotStarted or AssignmentStatus.InProgress;

    public async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> enrolmentIds, CancellationToken cancellationToken)
    {
        var rows = await (from e in enrolments.Enrolments.AsNoTracking()
                          join p in enrolments.Patients.AsNoTracking() on e.PatientId equals p.Id
                          where enrolmentIds.Contains(e.Id)
                          select new { e.Id, p.GivenName, p.FamilyName }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => $"{r.GivenName} {r.FamilyName}".Trim());
    }

    public async Task<Dictionary<(string, int), string>> TitlesAsync(IEnumerable<(string TemplateId, int Version)> versions,
        CancellationToken cancellationToken)
    {
        var ids = versions.Select(v => v.TemplateId).Distinct().ToList();
        var rows = await db.Versions.AsNoTracking().Where(v => ids.Contains(v.TemplateId))
            .Select(v => new { v.TemplateId, v.Version, v.Title }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.TemplateId, r.Version), r => r.Title);
    }
}
