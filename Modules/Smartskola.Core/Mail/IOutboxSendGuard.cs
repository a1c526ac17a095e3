namespace Smartskola.Core.Mail;

/// <summary>What to do with a due outbox row just before it is sent.</summary>
public abstract record OutboxDecision
{
    public static readonly OutboxDecision Send = new SendNow();

    /// <summary>Not now: try again at <paramref name="UntilUtc"/> (e.g. the end of the patient's quiet hours).</summary>
    public static OutboxDecision Postpone(DateTime UntilUtc) => new PostponeUntil(UntilUtc);

    /// <summary>Never: the reason (a short code, no personal data) is stored as the row's error, e.g. <c>NotActive</c>.</summary>
    public static OutboxDecision Stop(string reason) => new StopSending(reason);

    public sealed record SendNow : OutboxDecision;

    public sealed record PostponeUntil(DateTime UntilUtc) : OutboxDecision;

    public sealed record StopSending(string Reason) : OutboxDecision;
}

/// <summary>
/// Checks a notification again at the moment it would leave, because the world may have changed since it was queued
/// (held for quiet hours, retried for a day): the program ended, maintenance mode began, the patient opted out or was
/// purged. Called for every claimed row that has an <see cref="OutboxMail.EnrolmentId"/>; the first decision other
/// than <see cref="OutboxDecision.Send"/> wins. Must not throw for rows it does not know: answer Send.
/// </summary>
public interface IOutboxSendGuard
{
    Task<OutboxDecision> CheckAsync(OutboxMail mail, DateTime nowUtc, CancellationToken cancellationToken);
}
