using Smartskola.Notifications.Sending;

namespace Smartskola.Forms.Dispatch;

/// <summary>
/// The notices about forms, through the patient's notification settings (<see cref="IPatientNotifier"/>): only to
/// patients who opted in with a verified address, never in maintenance mode or after the end, within the program's
/// weekly cap, and as part of the weekly digest for those who chose it. The texts never carry a name, personnummer,
/// form title or answer (see <see cref="NotificationTexts"/>).
/// </summary>
public sealed class FormNotices(IPatientNotifier notifier, NotificationTexts texts)
{
    public const string NewForm = "new";
    public const string Reminder = "reminder";

    /// <summary>Notifies (in the caller's transaction when one is open); false when not queued or held now (see the outcome).</summary>
    /// <param name="dedupe">What makes this notice unique besides the assignment and kind (e.g. a date).</param>
    public async Task<bool> QueueAsync(Guid enrolmentId, Guid assignmentId, string kind, string dedupe, string? baseUrl,
        CancellationToken cancellationToken = default) =>
        Reaches(await NotifyAsync(enrolmentId, assignmentId, kind, dedupe, baseUrl, cancellationToken));

    /// <summary>As <see cref="QueueAsync"/>, with the notifier's outcome, for callers that tell the clinician why.</summary>
    public Task<NotifyOutcome> NotifyAsync(Guid enrolmentId, Guid assignmentId, string kind, string dedupe, string? baseUrl,
        CancellationToken cancellationToken = default) =>
        notifier.NotifyAsync(
            new PatientNotification(enrolmentId, kind == Reminder ? NotificationKinds.FormDue : NotificationKinds.FormNew,
                $"forms:{kind}:{assignmentId:N}:{dedupe}") { BaseUrl = baseUrl },
            cancellationToken);

    /// <summary>Queued now or held for the patient's weekly digest.</summary>
    public static bool Reaches(NotifyOutcome outcome) => outcome is NotifyOutcome.Queued or NotifyOutcome.HeldForDigest;

    /// <summary>The site's address for links in mail sent without a request (background jobs); null: no link.</summary>
    public string? BackgroundBaseUrl => texts.SignInUrl() is { } url ? url[..^"/program".Length] : null;
}
