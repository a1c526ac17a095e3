using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Mail;
using Smartskola.Core.Persistence;
using Smartskola.Enrolment.Data;
using Smartskola.Notifications.Data;

namespace Smartskola.Notifications.Sending;

/// <summary>
/// The rules of <see cref="IPatientNotifier"/>, in order: the enrolment's state, the patient's opt-in and verified
/// addresses, the program's weekly reminder cap, the weekly digest, then one outbox row per channel (SMS held until
/// the end of the patient's quiet hours). Every write is idempotent by the notification's dedupe key.
/// </summary>
public sealed class PatientNotifier(
    EnrolmentDbContext enrolments,
    NotificationsDbContext db,
    CoreDbContext core,
    IMailOutbox outbox,
    SharedDbConnection connection,
    NotificationTexts texts,
    TimeProvider clock) : IPatientNotifier
{
    public async Task<NotifyOutcome> NotifyAsync(PatientNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var found = await (from e in enrolments.Enrolments.AsNoTracking()
                           join p in enrolments.Patients.AsNoTracking() on e.PatientId equals p.Id
                           where e.Id == notification.EnrolmentId
                           select new { e.Status, e.ProgramId, Patient = p }).SingleOrDefaultAsync(cancellationToken);
        var reminder = NotificationKinds.IsReminder(notification.Kind);
        if (found is null || found.Status is EnrolmentStatus.Ended or EnrolmentStatus.Purged
            || (reminder && found.Status != EnrolmentStatus.Active))
        {
            return NotifyOutcome.NotActive;
        }

        var patient = found.Patient;
        var settings = await db.PatientSettings.AsNoTracking().FirstOrDefaultAsync(s => s.PatientId == patient.Id, cancellationToken);
        var email = settings is { EmailEnabled: true } && patient is { EmailVerified: true, Email.Length: > 0 } ? patient.Email : null;
        var mobile = settings is { SmsEnabled: true } && patient is { MobileVerified: true } && MobileNumber.IsInternational(patient.Mobile)
            ? patient.Mobile : null;
        if (settings is null || (email is null && mobile is null))
        {
            return NotifyOutcome.NotOptedIn;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (reminder && await RemindersThisWeekAsync(notification, now, cancellationToken) >= await WeeklyCapAsync(found.ProgramId, cancellationToken))
        {
            return await AlreadyDoneAsync(notification.DedupeKey, cancellationToken) ? NotifyOutcome.AlreadyDone : NotifyOutcome.CapReached;
        }

        // The digest itself is what digest items become: it is never held for another digest.
        if (settings.Mode == NotificationMode.WeeklyDigest && notification.Kind != NotificationKinds.Digest)
        {
            return await HoldAsync(notification, patient.Id, now, cancellationToken) ? NotifyOutcome.HeldForDigest : NotifyOutcome.AlreadyDone;
        }

        var text = texts.For(notification.Kind, notification.BaseUrl);
        var queued = false;
        await using (var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken))
        {
            if (email is not null)
            {
                queued |= await outbox.EnqueueAsync(new OutgoingMail($"{notification.DedupeKey}:email", email, text.Subject, text.Body)
                    { EnrolmentId = notification.EnrolmentId, Kind = notification.Kind }, cancellationToken);
            }

            if (mobile is not null)
            {
                queued |= await outbox.EnqueueAsync(OutgoingMail.Sms($"{notification.DedupeKey}:sms", mobile, text.Sms) with
                {
                    EnrolmentId = notification.EnrolmentId,
                    Kind = notification.Kind,
                    NotBeforeUtc = QuietHours.NotBeforeUtc(now, settings.QuietFrom, settings.QuietUntil),
                }, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return queued ? NotifyOutcome.Queued : NotifyOutcome.AlreadyDone;
    }

    /// <summary>
    /// Reminders of this enrolment in the last seven days: outbox rows of reminder kinds (one per notification, whatever
    /// its channels) and reminders held for a digest.
    /// </summary>
    private async Task<int> RemindersThisWeekAsync(PatientNotification notification, DateTime now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-7);
        var kinds = NotificationKinds.Reminders;
        var keys = await core.OutboxMails.AsNoTracking()
            .Where(m => m.EnrolmentId == notification.EnrolmentId && m.Kind != null && kinds.Contains(m.Kind) && m.CreatedUtc >= since)
            .Select(m => m.DedupeKey).ToListAsync(cancellationToken);
        var held = await db.DigestItems.AsNoTracking()
            .CountAsync(i => i.EnrolmentId == notification.EnrolmentId && kinds.Contains(i.Kind) && i.CreatedUtc >= since, cancellationToken);
        return keys.Select(BaseKey).Distinct(StringComparer.Ordinal).Count() + held;
    }

    private static string BaseKey(string key) => key.LastIndexOf(':') is var i and > 0 ? key[..i] : key;

    private async Task<int> WeeklyCapAsync(string programId, CancellationToken cancellationToken) =>
        await db.ProgramSettings.AsNoTracking().Where(s => s.ProgramId == programId).Select(s => (int?)s.WeeklyCap)
            .FirstOrDefaultAsync(cancellationToken) ?? ProgramReminderSettings.DefaultWeeklyCap;

    /// <summary>A notification at the cap that was in fact sent (or held) before is "already done", not refused.</summary>
    private async Task<bool> AlreadyDoneAsync(string key, CancellationToken cancellationToken)
    {
        string[] keys = [$"{key}:email", $"{key}:sms"];
        return await core.OutboxMails.AsNoTracking().AnyAsync(m => keys.Contains(m.DedupeKey), cancellationToken)
            || await db.DigestItems.AsNoTracking().AnyAsync(i => i.DedupeKey == key, cancellationToken);
    }

    /// <summary>Inserts the digest item unless its key exists (no error, so a caller's PostgreSQL transaction survives).</summary>
    private async Task<bool> HoldAsync(PatientNotification notification, Guid patientId, DateTime now, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO "NotificationDigestItems" ("Id", "PatientId", "EnrolmentId", "Kind", "DedupeKey", "CreatedUtc")
             VALUES ({id}, {patientId}, {notification.EnrolmentId}, {notification.Kind}, {notification.DedupeKey}, {now})
             ON CONFLICT ("DedupeKey") DO NOTHING
             """,
            cancellationToken);
        return inserted == 1;
    }
}
