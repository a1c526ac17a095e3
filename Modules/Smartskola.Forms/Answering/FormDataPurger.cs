using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Patients;
using Smartskola.Enrolment.Data;
using Smartskola.Forms.Data;

namespace Smartskola.Forms.Answering;

/// <summary>
/// Gallring: a patient's answers, the feedback on them, their form assignments and list memberships go with the rest
/// of their personal data. Dispatches stay (they name no patient); follow-up then shows fewer recipients.
/// </summary>
public sealed class FormDataPurger(FormsDbContext db, EnrolmentDbContext enrolments) : IPatientDataPurger
{
    public async Task PurgeAsync(Guid patientId, Guid? userId, CancellationToken cancellationToken)
    {
        var ids = await enrolments.Enrolments.AsNoTracking().Where(e => e.PatientId == patientId).Select(e => e.Id)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return;
        }

        await db.Feedback.Where(f => db.Responses.Any(r => r.Id == f.ResponseId && ids.Contains(r.EnrolmentId)))
            .ExecuteDeleteAsync(cancellationToken);
        await db.Responses.Where(r => ids.Contains(r.EnrolmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Assignments.Where(a => ids.Contains(a.EnrolmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.RecipientListMembers.Where(m => ids.Contains(m.EnrolmentId)).ExecuteDeleteAsync(cancellationToken);
    }
}
