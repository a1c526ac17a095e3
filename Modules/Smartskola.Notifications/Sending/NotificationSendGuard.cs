using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Mail;
using Smartskola.Enrolment.Data;
using Smartskola.Notifications.Data;

namespace Smartskola.Notifications.Sending;

/// <summary>
/// The notifier's rules once more, at the moment a patient notification would leave the outbox: a row queued (or held
/// for quiet hours, or retried) before the program ended, before maintenance mode began or before the patient turned
/// the channel off is stopped; an SMS whose retry falls in the quiet hours waits for their end.
/// </summary>
public sealed class NotificationSendGuard(EnrolmentDbContext enrolments, NotificationsDbContext db) : IOutboxSendGuard
{
    private static readonly string[] PatientKinds =
        [NotificationKinds.NewMessage, NotificationKinds.FormNew, NotificationKinds.Digest, .. NotificationKinds.Reminders];

    public async Task<OutboxDecision> CheckAsync(OutboxMail mail, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (mail.EnrolmentId is not { } enrolmentId || mail.Kind is not { } kind || !PatientKinds.Contains(kind))
        {
            return OutboxDecision.Send;
        }

        var found = await enrolments.Enrolments.AsNoTracking().Where(e => e.Id == enrolmentId)
            .Select(e => new { e.Status, e.PatientId }).SingleOrDefaultAsync(cancellationToken);
        if (found is null || found.Status is EnrolmentStatus.Ended or EnrolmentStatus.Purged
            || (NotificationKinds.IsReminder(kind) && found.Status != EnrolmentStatus.Active))
        {
            return OutboxDecision.Stop("NotActive");
        }

        var settings = await db.PatientSettings.AsNoTracking().FirstOrDefaultAsync(s => s.PatientId == found.PatientId, cancellationToken);
        var optedIn = mail.Channel == OutboxChannel.Sms ? settings?.SmsEnabled == true : settings?.EmailEnabled == true;
        if (!optedIn)
        {
            return OutboxDecision.Stop("OptedOut");
        }

        return mail.Channel == OutboxChannel.Sms && QuietHours.NotBeforeUtc(nowUtc, settings!.QuietFrom, settings.QuietUntil) is { } later
            && later > nowUtc
            ? OutboxDecision.Postpone(later)
            : OutboxDecision.Send;
    }
}
