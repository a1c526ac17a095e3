namespace Smartskola.Enrolment.Workspace;

/// <summary>
/// What other modules know about enrolments that needs the clinician's attention: unread messages (messaging),
/// overdue forms (forms). Each module registers one; the triage list adds them up.
/// </summary>
public interface ITriageSignals
{
    Task<IReadOnlyDictionary<Guid, TriageSignal>> ForUnitsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken);
}

/// <param name="UnreadMessages">Messages from the patient nobody at the unit has read.</param>
/// <param name="OldestUnreadUtc">When the oldest of them arrived.</param>
/// <param name="OverdueForms">Forms past their due date without an answer.</param>
public sealed record TriageSignal(int UnreadMessages, DateTime? OldestUnreadUtc, int OverdueForms)
{
    public static readonly TriageSignal None = new(0, null, 0);

    public TriageSignal Plus(TriageSignal other) =>
        new(UnreadMessages + other.UnreadMessages,
            OldestUnreadUtc is null ? other.OldestUnreadUtc : other.OldestUnreadUtc is null ? OldestUnreadUtc
                : OldestUnreadUtc < other.OldestUnreadUtc ? OldestUnreadUtc : other.OldestUnreadUtc,
            OverdueForms + other.OverdueForms);
}
