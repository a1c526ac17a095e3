namespace Smartskola.Core.Mail;

/// <summary>How an outbox row leaves: SMTP or the SMS gateway.</summary>
public enum OutboxChannel
{
    Email = 0,
    Sms = 1,
}

/// <summary>
/// A queued notification (table <c>OutboxMails</c>): an e-mail, or an SMS when <see cref="Channel"/> says so. Sent by
/// <see cref="MailDelivery"/>; after sending only the receipt is kept (channel, kind, times, attempts), which is what
/// the clinician sees as delivery status.
/// </summary>
public sealed class OutboxMail
{
    public const int KindMaxLength = 64;

    public const int DedupeKeyMaxLength = 200;
    public const int ToMaxLength = 320;
    public const int SubjectMaxLength = 400;

    public Guid Id { get; set; }

    /// <summary>Unique: a mail with a key already queued is not queued again (e.g. <c>invitation:{id}</c>).</summary>
    public string DedupeKey { get; set; } = string.Empty;

    public OutboxChannel Channel { get; set; }

    /// <summary>The enrolment a patient notification is about, for the clinician's delivery status; null otherwise.</summary>
    public Guid? EnrolmentId { get; set; }

    /// <summary>What it is, e.g. <c>message</c>, <c>reminder-inactive</c> (never its text); null for plain mail.</summary>
    public string? Kind { get; set; }

    /// <summary>An e-mail address, or a mobile number in international form (+46701234567) for SMS.</summary>
    public string To { get; set; } = string.Empty;

    /// <summary>E-mail only; empty for SMS.</summary>
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
