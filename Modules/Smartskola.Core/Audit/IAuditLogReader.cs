namespace Smartskola.Core.Audit;

/// <summary>
/// Reads the audit log about one patient, for the patient's own log extract (loggutdrag, patientdatalagen 8 kap.
/// 5 §). Implemented by the audit trail module.
/// </summary>
public interface IAuditLogReader
{
    /// <summary>
    /// Successful actions concerning the patient (entries whose subject is <paramref name="patientId"/>, the patient
    /// record's id), newest first. Refused attempts are left out: nothing was shown.
    /// </summary>
    Task<IReadOnlyList<AuditRecord>> ForSubjectAsync(Guid patientId, CancellationToken cancellationToken = default);
}

/// <summary>One audit entry as the log extract needs it: no names, no entity details.</summary>
public sealed record AuditRecord(DateTime OccurredUtc, Guid? ActorUnitId, string Action, Guid? ActorUserId);
