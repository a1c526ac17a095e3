using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Patients;
using Smartskola.Notifications.Data;

namespace Smartskola.Notifications.Preferences;

/// <summary>Gallring: the patient's notification settings, address verifications and held digest items. Idempotent.</summary>
public sealed class NotificationDataPurger(NotificationsDbContext db) : IPatientDataPurger
{
    public async Task PurgeAsync(Guid patientId, Guid? userId, CancellationToken cancellationToken)
    {
        await db.PatientSettings.Where(s => s.PatientId == patientId).ExecuteDeleteAsync(cancellationToken);
        await db.Verifications.Where(v => v.PatientId == patientId).ExecuteDeleteAsync(cancellationToken);
        await db.DigestItems.Where(i => i.PatientId == patientId).ExecuteDeleteAsync(cancellationToken);
    }
}
