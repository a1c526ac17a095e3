using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Smartskola.Core.Persistence;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;
using Smartskola.Forms.Data;

namespace Smartskola.Forms.Dispatch;

/// <summary>What one run of <see cref="FormReminderJob"/> queued.</summary>
public sealed record FormReminderSummary(int NewFormNotices, int Reminders)
{
    public override string ToString() => $"{NewFormNotices} new-form notices, {Reminders} reminders";
}

/// <summary>
/// The daily mail about dispatched forms: "new form" when a series occasion becomes available, and the automatic
/// reminder N days before and after the due date while unanswered. Idempotent: every mail has a dedupe key per
/// assignment, kind and date, so running it twice (or on two instances) queues nothing twice. Only active enrolments
/// are reminded (not maintenance mode); the patient's notification settings and the weekly cap decide the rest.
/// </summary>
public sealed class FormReminderJob(FormsDbContext db, EnrolmentDbContext enrolments, FormNotices notices, SharedDbConnection connection,
    TimeProvider clock, ILogger<FormReminderJob> logger)
{
    /// <summary>Occasions that opened longer ago than this are not announced any more (the job was off).</summary>
    private const int CatchUpDays = 7;

    public async Task<FormReminderSummary> RunAsync(CancellationToken cancellationToken)
    {
        var today = SwedishTime.Today(clock);
        var oldest = today.AddDays(-366);
        var candidates = await (from a in db.Assignments.AsNoTracking()
                                join d in db.Dispatches.AsNoTracking() on a.DispatchId equals d.Id
                                where (a.Status == AssignmentStatus.NotStarted || a.Status == AssignmentStatus.InProgress)
                                      && a.AvailableOn <= today && a.AvailableOn >= oldest
                                select new { a.Id, a.EnrolmentId, a.AvailableOn, a.DueOn, d.RemindDaysBefore, d.RemindDaysAfter })
            .ToListAsync(cancellationToken);
        var work = new List<(Guid Assignment, Guid Enrolment, string Kind, string Dedupe)>();
        foreach (var c in candidates)
        {
            if (c.AvailableOn > today.AddDays(-CatchUpDays))
            {
                work.Add((c.Id, c.EnrolmentId, FormNotices.NewForm, c.AvailableOn.ToString("yyyy-MM-dd")));
            }

            if (c.DueOn is not { } due)
            {
                continue;
            }

            if (c.RemindDaysBefore is { } before && today >= due.AddDays(-before) && today <= due)
            {
                work.Add((c.Id, c.EnrolmentId, FormNotices.Reminder, $"before-{due:yyyy-MM-dd}"));
            }

            if (c.RemindDaysAfter is { } after && today >= due.AddDays(after) && today < due.AddDays(after + CatchUpDays) && today > due)
            {
                work.Add((c.Id, c.EnrolmentId, FormNotices.Reminder, $"after-{due:yyyy-MM-dd}"));
            }
        }

        if (work.Count == 0)
        {
            return new(0, 0);
        }

        // Reminders stop in maintenance mode and after the end; a form that becomes available is announced in maintenance
        // mode too, since the care team sent it on purpose (the notifier checks again, in its own words).
        var enrolmentIds = work.Select(w => w.Enrolment).Distinct().ToList();
        var status = await enrolments.Enrolments.AsNoTracking()
            .Where(e => enrolmentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Status, cancellationToken);
        int notices1 = 0, reminders = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var item in work)
        {
            var state = status.GetValueOrDefault(item.Enrolment, EnrolmentStatus.Purged);
            if (state != EnrolmentStatus.Active && (item.Kind == FormNotices.Reminder || state != EnrolmentStatus.Maintenance))
            {
                continue;
            }

            try
            {
                await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
                if (!await notices.QueueAsync(item.Enrolment, item.Assignment, item.Kind, item.Dedupe, notices.BackgroundBaseUrl, cancellationToken))
                {
                    continue; // already queued on an earlier run, or not now (opted out, weekly cap)
                }

                if (item.Kind == FormNotices.Reminder)
                {
                    await db.Assignments.Where(a => a.Id == item.Assignment)
                        .ExecuteUpdateAsync(s => s.SetProperty(a => a.Reminders, a => a.Reminders + 1).SetProperty(a => a.RemindedUtc, now),
                            cancellationToken);
                    reminders++;
                }
                else
                {
                    notices1++;
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Ids only; the next run tries again (the dedupe key was not committed).
                logger.LogError(exception, "Form reminder failed for assignment {AssignmentId}.", item.Assignment);
            }
        }

        return new(notices1, reminders);
    }
}
