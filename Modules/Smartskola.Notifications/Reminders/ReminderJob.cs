using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Smartskola.Core.Persistence;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;
using Smartskola.Notifications.Data;
using Smartskola.Notifications.Sending;

namespace Smartskola.Notifications.Reminders;

/// <summary>What one run of <see cref="ReminderJob"/> did: notifications queued or held per kind.</summary>
public sealed record ReminderSummary(int Inactivity, int ModulesOpened, int Digests)
{
    public override string ToString() => $"{Inactivity} inactivity reminders, {ModulesOpened} new-module notices, {Digests} digests";
}

/// <summary>
/// The periodic reminders: inactivity (after the program's InactivityDays without activity, or since the start date),
/// a module that opened in the last two days, and the weekly digest. Everything goes through
/// <see cref="IPatientNotifier"/>, so maintenance mode, the end, the opt-in and the weekly cap apply; every
/// notification has a dedupe key, so runs may repeat (or race on two instances) without sending twice.
/// </summary>
public sealed class ReminderJob(
    EnrolmentDbContext enrolments,
    NotificationsDbContext db,
    IPatientNotifier notifier,
    SharedDbConnection connection,
    TimeProvider clock,
    ILogger<ReminderJob> logger)
{
    /// <summary>Modules that opened longer ago than this are not announced any more (the job was off).</summary>
    public static readonly TimeSpan ModuleWindow = TimeSpan.FromDays(2);

    public async Task<ReminderSummary> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var inactivity = await InactivityAsync(now, cancellationToken);
        var modules = await ModulesOpenedAsync(now, cancellationToken);
        var digests = await DigestsAsync(now, cancellationToken);
        return new(inactivity, modules, digests);
    }

    private async Task<int> InactivityAsync(DateTime now, CancellationToken cancellationToken)
    {
        var days = await db.ProgramSettings.AsNoTracking().ToDictionaryAsync(s => s.ProgramId, s => s.InactivityDays, cancellationToken);
        var today = SwedishTime.Today(clock);
        var active = await enrolments.Enrolments.AsNoTracking()
            .Where(e => e.Status == EnrolmentStatus.Active && e.StartDate <= today)
            .Select(e => new { e.Id, e.ProgramId, e.LastActiveUtc, e.StartDate }).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var e in active)
        {
            var limit = days.GetValueOrDefault(e.ProgramId, ProgramReminderSettings.DefaultInactivityDays);
            var last = e.LastActiveUtc ?? SwedishTime.StartOfDayUtc(e.StartDate);
            if (limit <= 0 || now - last <= TimeSpan.FromDays(limit))
            {
                continue;
            }

            // One reminder per stretch of inactivity: a new one only after the patient has been active again.
            var lastDay = DateOnly.FromDateTime(SwedishTime.ToLocal(last));
            count += await NotifyAsync(new PatientNotification(e.Id, NotificationKinds.Inactivity,
                $"inactive:{e.Id:N}:{lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"), cancellationToken);
        }

        return count;
    }

    private async Task<int> ModulesOpenedAsync(DateTime now, CancellationToken cancellationToken)
    {
        var since = now - ModuleWindow;
        // Modules open at the start are part of the welcome, not news.
        var opened = await (from s in enrolments.ModuleStates.AsNoTracking()
                            join e in enrolments.Enrolments.AsNoTracking() on s.EnrolmentId equals e.Id
                            where e.Status == EnrolmentStatus.Active && s.IsOpen && s.FirstOpenedUtc != null && s.FirstOpenedUtc >= since
                                  && s.ChangedBy != ModuleOpenedBy.Start
                            select new { s.EnrolmentId, s.ModuleId }).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var m in opened)
        {
            count += await NotifyAsync(new PatientNotification(m.EnrolmentId, NotificationKinds.ModuleOpened, $"module:{m.EnrolmentId:N}:{m.ModuleId}"),
                cancellationToken);
        }

        return count;
    }

    /// <summary>
    /// On the first run of an ISO week, one digest per patient in weekly-digest mode for what was held before the week
    /// began; the items are then marked digested, whatever the outcome (an opted-out patient's items are dropped).
    /// </summary>
    private async Task<int> DigestsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var today = SwedishTime.Today(clock);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var weekStart = SwedishTime.StartOfDayUtc(monday);
        var week = $"{ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)):00}";
        var items = await (from i in db.DigestItems.AsNoTracking()
                           join s in db.PatientSettings.AsNoTracking() on i.PatientId equals s.PatientId
                           where i.DigestedUtc == null && i.CreatedUtc < weekStart && s.Mode == NotificationMode.WeeklyDigest
                           select new { i.Id, i.PatientId, i.EnrolmentId, i.CreatedUtc }).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var patient in items.GroupBy(i => i.PatientId))
        {
            var ids = patient.Select(i => i.Id).ToList();
            var enrolment = patient.OrderByDescending(i => i.CreatedUtc).First().EnrolmentId;
            try
            {
                await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
                var outcome = await notifier.NotifyAsync(
                    new PatientNotification(enrolment, NotificationKinds.Digest, $"digest:{patient.Key:N}:{week}"), cancellationToken);
                await db.DigestItems.Where(i => ids.Contains(i.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.DigestedUtc, now), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                count += outcome == NotifyOutcome.Queued ? 1 : 0;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Weekly digest failed for patient {PatientId}.", patient.Key);
            }
        }

        return count;
    }

    /// <returns>1 when queued or held for a digest, else 0.</returns>
    private async Task<int> NotifyAsync(PatientNotification notification, CancellationToken cancellationToken)
    {
        try
        {
            return await notifier.NotifyAsync(notification, cancellationToken) is NotifyOutcome.Queued or NotifyOutcome.HeldForDigest ? 1 : 0;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Ids only; the next run tries again (nothing was committed).
            logger.LogError(exception, "Reminder {Kind} failed for enrolment {EnrolmentId}.", notification.Kind, notification.EnrolmentId);
            return 0;
        }
    }
}
