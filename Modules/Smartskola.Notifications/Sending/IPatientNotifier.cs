namespace Smartskola.Notifications.Sending;

/// <summary>What a notification is about; also the outbox's <c>Kind</c>. The texts never say more than the kind.</summary>
public static class NotificationKinds
{
    /// <summary>The care team wrote to the patient.</summary>
    public const string NewMessage = "message";

    public const string Inactivity = "reminder-inactive";

    /// <summary>A form is due or overdue.</summary>
    public const string FormDue = "reminder-form";

    /// <summary>A new form was sent to the patient.</summary>
    public const string FormNew = "form-new";

    public const string ModuleOpened = "module-opened";

    public const string Digest = "digest";

    public const string Verification = "verify";

    /// <summary>To staff: a patient of theirs (or their unit's mailbox) has a new message.</summary>
    public const string StaffNewMessage = "staff-message";

    /// <summary>
    /// Reminders stop in maintenance mode and count against the weekly cap. Messages and a new form from the care team
    /// are not reminders: the clinician chose to send them (follow-up forms are typical of maintenance mode).
    /// </summary>
    public static readonly IReadOnlyList<string> Reminders = [Inactivity, FormDue, ModuleOpened];

    public static bool IsReminder(string kind) => Reminders.Contains(kind);
}

/// <param name="DedupeKey">Unique per event (e.g. <c>message:{id}</c>): the same event never notifies twice.</param>
public sealed record PatientNotification(Guid EnrolmentId, string Kind, string DedupeKey)
{
    /// <summary>The site's address for the e-mail's sign-in link when sent during a request; null: <c>Site:PublicUrl</c>.</summary>
    public string? BaseUrl { get; init; }
}

public enum NotifyOutcome
{
    /// <summary>Queued in the outbox for at least one channel.</summary>
    Queued = 0,

    /// <summary>Held for the patient's weekly digest.</summary>
    HeldForDigest = 1,

    /// <summary>Already queued or held earlier (same dedupe key).</summary>
    AlreadyDone = 2,

    /// <summary>The patient has not opted in to any channel with a verified address.</summary>
    NotOptedIn = 3,

    /// <summary>A reminder for an enrolment that is not active (maintenance mode, ended, purged).</summary>
    NotActive = 4,

    /// <summary>The weekly cap of reminders is reached.</summary>
    CapReached = 5,
}

/// <summary>
/// The one way to tell a patient that something waits in the program. Applies the patient's choices (channels,
/// verified addresses, quiet hours for SMS, immediate or weekly digest), the program's weekly reminder cap, and the
/// enrolment's state (no reminders in maintenance mode or after the end). Queues in the caller's transaction when
/// one is open on the shared connection.
/// </summary>
public interface IPatientNotifier
{
    Task<NotifyOutcome> NotifyAsync(PatientNotification notification, CancellationToken cancellationToken = default);
}

/// <summary>Tells staff by e-mail (no patient details) that a message waits, if their "Ta emot notifieringar" is on.</summary>
public interface IStaffNotifier
{
    /// <returns>How many of them were notified.</returns>
    Task<int> NewPatientMessageAsync(IReadOnlyCollection<Guid> staffUserIds, string dedupeKey, CancellationToken cancellationToken = default);
}
