namespace Smartskola.Core.Audit;

/// <summary>
/// The one way to write to the append-only audit log. The actor is taken from the current request unless the
/// event names one (background jobs). Never put personal identity numbers or message text in an event.
/// </summary>
public interface IAuditLog
{
    Task WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
}

public enum AuditOutcome
{
    Success,
    Denied,
    Failed,
}

/// <param name="Action">Dotted action code, e.g. <c>unit.view</c> or <c>auth.login</c>.</param>
/// <param name="EntityType">What was touched, e.g. <c>CareUnit</c>.</param>
/// <param name="EntityId">Its id, if any.</param>
public sealed record AuditEvent(string Action, string EntityType, string? EntityId = null)
{
    public AuditOutcome Outcome { get; init; } = AuditOutcome.Success;

    /// <summary>The patient whose data this concerns, if any (the patient's internal id, never a personnummer).</summary>
    public Guid? SubjectPatientId { get; init; }

    /// <summary>The care unit in whose capacity the actor acted.</summary>
    public Guid? UnitId { get; init; }

    /// <summary>Set by background work; otherwise the signed-in user is the actor.</summary>
    public Guid? ActorUserId { get; init; }

    public string? ActorName { get; init; }
}
