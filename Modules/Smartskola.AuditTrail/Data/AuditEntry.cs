namespace Smartskola.AuditTrail.Data;

/// <summary>
/// One row of the append-only audit log. <see cref="Hash"/> covers every other field and the previous row's hash,
/// so altering, deleting or inserting a row anywhere breaks the chain from that point on.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Gap-free position in the chain, starting at 1.</summary>
    public long Sequence { get; set; }

    public DateTime OccurredUtc { get; set; }

    public Guid? ActorUserId { get; set; }

    public string? ActorName { get; set; }

    public Guid? ActorUnitId { get; set; }

    public string Action { get; set; } = string.Empty;

    public string EntityType { get; set; } = string.Empty;

    public string? EntityId { get; set; }

    public Guid? SubjectPatientId { get; set; }

    public string Outcome { get; set; } = string.Empty;

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;
}
