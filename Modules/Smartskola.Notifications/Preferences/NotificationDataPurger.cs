using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Mail;
using Smartskola.Core.Patients;
using Smartskola.Core.Persistence;
using Smartskola.Enrolment.Data;
using Smartskola.Notifications.Data;

namespace Smartskola.Notifications.Preferences;

/// <summary>
/// Gallring: the patient's notification settings, address verifications and held digest items, and any notification
/// still waiting in the outbox for their enrolments (stopped, without address or text; sent ones are receipts already).
/// Idempotent.
/// </summary>
public sealed class NotificationDataPurger(NotificationsDbContext db, EnrolmentDbContext enrolments, CoreDbContext core, TimeProvider clock)
    : IPatientDataPurger
{
    public async Task PurgeAsync(Guid patientId, Guid? userId, CancellationToken cancellationToken)
    {
        await db.PatientSettings.Where(s => s.PatientId == patientId).ExecuteDeleteAsync(cancellationToken);
        await db.Verifications.Where(v => v.PatientId == patientId).ExecuteDeleteAsync(cancellationToken);
        await db.DigestItems.Where(i => i.PatientId == patientId).ExecuteDeleteAsync(cancellationToken);

        var enrolmentIds = await enrolments.Enrolments.AsNoTracking().Where(e => e.PatientId == patientId).Select(e => (Guid?)e.Id)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await core.OutboxMails.Where(m => enrolmentIds.Contains(m.EnrolmentId) && m.SentUtc == null && m.FailedUtc == null)
            .StopAsync("Purged", now, cancellationToken);
    }
}
