using Microsoft.EntityFrameworkCore;
using Smartskola.AuditTrail.Data;
using Smartskola.Core.Audit;

namespace Smartskola.AuditTrail.Services;

/// <summary>Reads entries about one patient (indexed by subject and time).</summary>
public sealed class AuditLogReader(AuditDbContext db) : IAuditLogReader
{
    private static readonly string Success = AuditOutcome.Success.ToString();

    public async Task<IReadOnlyList<AuditRecord>> ForSubjectAsync(Guid patientId, CancellationToken cancellationToken = default) =>
        await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectPatientId == patientId && e.Outcome == Success)
            .OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Sequence)
            .Select(e => new AuditRecord(e.OccurredUtc, e.ActorUnitId, e.Action, e.ActorUserId))
            .ToListAsync(cancellationToken);
}
