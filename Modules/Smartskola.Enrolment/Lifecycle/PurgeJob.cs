using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Audit;
using Smartskola.Core.Patients;
using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Lifecycle;

/// <summary>
/// Gallring: an enrolment that ended longer ago than its unit's retention period loses its timeline, notices,
/// invitations and welcome text; when it was the patient's last enrolment that is not purged, the patient record
/// loses its personal data and every <see cref="IPatientDataPurger"/> is called. The enrolment and patient rows stay
/// (without personal data) for statistics and audit references. One transaction per enrolment.
/// </summary>
public sealed class PurgeJob(EnrolmentDbContext db, IEnumerable<IPatientDataPurger> purgers, IAuditLog audit,
    EnrolmentTransactions transactions)
{
    public const string AuditAction = "enrolment.purge";
    public const string AuditActor = "Systemet (gallring)";

    public async Task<(int Purged, int Patients, int Failed)> RunAsync(UnitRules rules, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var ended = await db.Enrolments.AsNoTracking()
            .Where(e => e.Status == EnrolmentStatus.Ended && e.EndedUtc != null)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.PatientId, e.CareUnitId, EndedUtc = e.EndedUtc!.Value })
            .ToListAsync(cancellationToken);
        int purged = 0, patients = 0, failed = 0;
        foreach (var e in ended.Where(e => e.EndedUtc.AddDays(rules.RetentionDays(e.CareUnitId)) < nowUtc))
        {
            var patientPurged = false;
            var result = await transactions.RunAsync("purge", e.Id, async () =>
            {
                patientPurged = false;
                // Take the patient's row lock first: two enrolments of one patient purged at the same time by two
                // instances then run one after the other, and the second sees the first as purged.
                await db.Database.ExecuteSqlAsync(
                    $"""UPDATE "EnrolmentPatients" SET "PurgedUtc" = "PurgedUtc" WHERE "Id" = {e.PatientId}""", cancellationToken);
                if (!await PurgeEnrolmentAsync(e.Id, nowUtc, cancellationToken))
                {
                    return 0;
                }

                patientPurged = await PurgePatientAsync(e.PatientId, e.Id, nowUtc, cancellationToken);
                return 1;
            }, cancellationToken);
            if (result == 1)
            {
                // After the commit: the audit log appends in a transaction of its own, which on SQLite would wait
                // for this one's write lock. No personal data in the entry.
                await audit.WriteAsync(new AuditEvent(AuditAction, "Enrolment", e.Id.ToString())
                {
                    ActorName = AuditActor, SubjectPatientId = e.PatientId, UnitId = e.CareUnitId,
                }, cancellationToken);
            }

            purged += result ?? 0;
            patients += result == 1 && patientPurged ? 1 : 0;
            failed += result is null ? 1 : 0;
        }

        return (purged, patients, failed);
    }

    private async Task<bool> PurgeEnrolmentAsync(Guid enrolmentId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var version = Guid.NewGuid();
        var changed = await db.Enrolments
            .Where(x => x.Id == enrolmentId && x.Status == EnrolmentStatus.Ended)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, EnrolmentStatus.Purged)
                .SetProperty(x => x.PurgedUtc, nowUtc)
                .SetProperty(x => x.WelcomeText, (string?)null)
                .SetProperty(x => x.Version, version), cancellationToken);
        if (changed != 1)
        {
            return false; // Another instance purged it a moment ago.
        }

        await db.Activities.Where(a => a.EnrolmentId == enrolmentId).ExecuteDeleteAsync(cancellationToken);
        await db.Notices.Where(n => n.EnrolmentId == enrolmentId).ExecuteDeleteAsync(cancellationToken);
        await db.Invitations.Where(i => i.EnrolmentId == enrolmentId).ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    /// <summary>Clears the patient's personal data unless another enrolment still needs it; true when cleared now.</summary>
    private async Task<bool> PurgePatientAsync(Guid patientId, Guid enrolmentId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (await db.Enrolments.AnyAsync(x => x.PatientId == patientId && x.Id != enrolmentId && x.Status != EnrolmentStatus.Purged,
                cancellationToken))
        {
            return false;
        }

        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId && p.PurgedUtc == null)
            .Select(p => new { p.UserId }).FirstOrDefaultAsync(cancellationToken);
        if (patient is null)
        {
            return false; // Already purged.
        }

        var version = Guid.NewGuid();
        await db.Patients.Where(p => p.Id == patientId && p.PurgedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.GivenName, string.Empty)
                .SetProperty(p => p.FamilyName, string.Empty)
                .SetProperty(p => p.PersonnummerCipher, Array.Empty<byte>())
                .SetProperty(p => p.PersonnummerHash, $"purged:{patientId}")
                .SetProperty(p => p.PersonnummerMasked, string.Empty)
                .SetProperty(p => p.Email, (string?)null)
                .SetProperty(p => p.EmailVerified, false)
                .SetProperty(p => p.Mobile, (string?)null)
                .SetProperty(p => p.MobileVerified, false)
                .SetProperty(p => p.UserId, (Guid?)null)
                .SetProperty(p => p.PurgedUtc, nowUtc)
                .SetProperty(p => p.Version, version), cancellationToken);
        await db.Invitations.Where(i => i.PatientId == patientId).ExecuteDeleteAsync(cancellationToken);
        foreach (var purger in purgers)
        {
            await purger.PurgeAsync(patientId, patient.UserId, cancellationToken);
        }

        return true;
    }
}
