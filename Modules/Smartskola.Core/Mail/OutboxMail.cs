namespace Smartskola.Core.Mail;

/// <summary>A queued e-mail (table <c>OutboxMails</c>), sent by <see cref="MailDelivery"/>.</summary>
public sealed class OutboxMail
{
    public const int DedupeKeyMaxLength = 200;
    public const int ToMaxLength = 320;
    public const int SubjectMaxLength = 400;

    public Guid Id { get; set; }

    /// <summary>Unique: a mail with a key already queued is not queued again (e.g. <c>invitation:{id}</c>).</summary>
    public string DedupeKey { get; set; } = string.Empty;

    public string To { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    /// <summary>Plain text.</summary>
    public string Body { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    public int Attempts { get; set; }

    public DateTime? SentUtc { get; set; }

    /// <summary>Set when delivery was given up.</summary>
    public DateTime? FailedUtc { get; set; }

    /// <summary>The error type of the last failed attempt (never a message that could hold the address).</summary>
    public string? LastError { get; set; }

    /// <summary>The claim of the instance sending it now; <see cref="ClaimedUntilUtc"/> ends the claim if it dies.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }
}
