using Microsoft.EntityFrameworkCore;
using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Unlocking;

/// <summary>
/// The signed-in patient's enrolment in a program, read once per request: the reading pages' access check and the
/// progress listener both need it on every page view.
/// </summary>
public sealed class CurrentEnrolment(EnrolmentDbContext db)
{
    private readonly Dictionary<(Guid UserId, string ProgramId), ProgramEnrolment?> _found = [];

    /// <summary>The enrolment that gives access, else the most recent one; null when the account has none.</summary>
    public async Task<ProgramEnrolment?> ForAsync(Guid userId, string programId, CancellationToken cancellationToken)
    {
        if (_found.TryGetValue((userId, programId), out var known))
        {
            return known;
        }

        var enrolments = await (from e in db.Enrolments.AsNoTracking()
                                join p in db.Patients.AsNoTracking() on e.PatientId equals p.Id
                                where p.UserId == userId && e.ProgramId == programId
                                select e).ToListAsync(cancellationToken);
        return _found[(userId, programId)] =
            enrolments.OrderByDescending(e => e.GivesAccess).ThenByDescending(e => e.CreatedUtc).FirstOrDefault();
    }
}
