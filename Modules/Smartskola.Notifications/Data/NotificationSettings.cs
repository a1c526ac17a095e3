namespace Smartskola.Notifications.Data;

/// <summary>How a patient wants to hear that something waits in the program.</summary>
public enum NotificationMode
{
    /// <summary>A notification per event (subject to quiet hours and the weekly cap).</summary>
    Immediate = 0,

    /// <summary>One summary a week of what happened (<see cref="DigestItem"/>).</summary>
    WeeklyDigest = 1,
}

/// <summary>
/// A patient's choices ("Inställningar"). No row means nothing is sent: patients opt in per channel, and a channel is
/// used only once its address is verified (<see cref="Enrolment.Data.Patient.EmailVerified"/>/<c>MobileVerified</c>).
/// </summary>
public sealed class PatientNotificationSettings
{
    public static readonly TimeOnly DefaultQuietFrom = new(21, 0);
    public static readonly TimeOnly DefaultQuietUntil = new(8, 0);

    public Guid PatientId { get; set; }

    public bool EmailEnabled { get; set; }

    public bool SmsEnabled { get; set; }

    public NotificationMode Mode { get; set; }

    /// <summary>No SMS from this Swedish local time…</summary>
    public TimeOnly QuietFrom { get; set; } = DefaultQuietFrom;

    /// <summary>…until this one (the next morning when it is earlier than <see cref="QuietFrom"/>).</summary>
    public TimeOnly QuietUntil { get; set; } = DefaultQuietUntil;

    public DateTime UpdatedUtc { get; set; }

    public Guid Version { get; set; }
}

/// <summary>A staff member's choices. No row: the defaults (notified of new messages from their patients).</summary>
public sealed class StaffNotificationSettings
{
    public Guid UserId { get; set; }

    /// <summary>"Ta emot notifieringar": an e-mail (without patient details) when a patient of theirs writes.</summary>
    public bool ReceiveNewMessages { get; set; } = true;

    public Guid Version { get; set; }
}

/// <summary>Reminder rules of one program (a content item). No row: the defaults.</summary>
public sealed class ProgramReminderSettings
{
    public const int DefaultInactivityDays = 7;
    public const int DefaultWeeklyCap = 3;

    /// <summary>The program's content item id.</summary>
    public string ProgramId { get; set; } = string.Empty;

    /// <summary>An inactivity reminder goes out after this many days without activity; 0 turns it off.</summary>
    public int InactivityDays { get; set; } = DefaultInactivityDays;

    /// <summary>At most this many reminders per patient in any seven days (messages from the clinician do not count).</summary>
    public int WeeklyCap { get; set; } = DefaultWeeklyCap;

    public Guid Version { get; set; }
}

/// <summary>A one-time code that proves the patient can read an address before it is used.</summary>
public sealed class ContactVerification
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    public Core.Mail.OutboxChannel Channel { get; set; }

    /// <summary>The address being verified (the patient's address is changed only when the code is right).</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>Keyed hash of the code; the code itself is only in the message sent.</summary>
    public string CodeHash { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public int Attempts { get; set; }

    public DateTime? VerifiedUtc { get; set; }
}

/// <summary>An event held for the weekly digest of a patient who chose <see cref="NotificationMode.WeeklyDigest"/>.</summary>
public sealed class DigestItem
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    public Guid EnrolmentId { get; set; }

    public string Kind { get; set; } = string.Empty;

    /// <summary>Unique, like the outbox's: the same event is held once.</summary>
    public string DedupeKey { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    /// <summary>Set when it went out in a digest.</summary>
    public DateTime? DigestedUtc { get; set; }
}
