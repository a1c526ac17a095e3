using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Audit;
using Smartskola.Core.Security;
using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Workspace;

/// <summary>
/// The one check before staff see anything of an enrolment: the ManagePatients permission and membership of the
/// enrolment's care unit. Anyone else gets "not found" (so ids cannot be probed) and a denied audit entry.
/// </summary>
public sealed class EnrolmentAccessGuard(EnrolmentDbContext db, IAuditLog audit)
{
    public async Task<(ProgramEnrolment Enrolment, Patient Patient)?> OpenAsync(ClaimsPrincipal user, Guid enrolmentId, string auditAction,
        CancellationToken cancellationToken = default)
    {
        var found = await (from e in db.Enrolments.AsNoTracking()
                           join p in db.Patients.AsNoTracking() on e.PatientId equals p.Id
                           where e.Id == enrolmentId
                           select new { e, p }).SingleOrDefaultAsync(cancellationToken);
        if (found is null || !user.HasPermission(EnrolmentPermissions.ManagePatients) || !user.IsMemberOfUnit(found.e.CareUnitId)
            || found.e.Status == EnrolmentStatus.Purged)
        {
            await audit.WriteAsync(new AuditEvent(auditAction, "Enrolment", enrolmentId.ToString()) { Outcome = AuditOutcome.Denied },
                cancellationToken);
            return null;
        }

        await audit.WriteAsync(new AuditEvent(auditAction, "Enrolment", enrolmentId.ToString())
            { SubjectPatientId = found.p.Id, UnitId = found.e.CareUnitId }, cancellationToken);
        return (found.e, found.p);
    }
}
