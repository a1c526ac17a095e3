using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Mail;
using Smartskola.Core.Persistence;
using Smartskola.Notifications.Sending;

namespace Smartskola.Notifications.Delivery;

public enum DeliveryState
{
    Waiting = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>Not sent on purpose: the program ended or paused, or the patient turned the channel off, after it was queued.</summary>
    Stopped = 3,
}

/// <summary>One outbox row as the clinician sees it: what, how, when, and whether it went out. Never the address or text.</summary>
public sealed record DeliveryRow(string Kind, OutboxChannel Channel, DateTime QueuedUtc, DateTime? SentUtc, DateTime NextAttemptUtc, int Attempts,
    DeliveryState State, string? ErrorType)
{
    public string KindText => DeliveryStatus.KindText(Kind);

    public string ChannelText => Channel == OutboxChannel.Sms ? "Sms" : "E-post";

    public string StateText => State switch
    {
        DeliveryState.Sent => "Skickad",
        DeliveryState.Failed => "Misslyckad",
        DeliveryState.Stopped => ErrorType == "OptedOut" ? "Stoppad (patienten har stängt av kanalen)" : "Stoppad (inte aktivt program)",
        _ => "Väntar",
    };
}

/// <summary>The enrolment's notifications in the outbox (the receipts kept after sending), newest first.</summary>
public sealed class DeliveryStatus(CoreDbContext core)
{
    public const int MaxRows = 200;

    public async Task<IReadOnlyList<DeliveryRow>> ForEnrolmentAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        var rows = await core.OutboxMails.AsNoTracking().Where(m => m.EnrolmentId == enrolmentId)
            .OrderByDescending(m => m.CreatedUtc).Take(MaxRows)
            .Select(m => new { m.Kind, m.Channel, m.CreatedUtc, m.SentUtc, m.FailedUtc, m.NextAttemptUtc, m.Attempts, m.LastError })
            .ToListAsync(cancellationToken);
        return rows.Select(m => new DeliveryRow(m.Kind ?? string.Empty, m.Channel, m.CreatedUtc, m.SentUtc, m.NextAttemptUtc, m.Attempts,
            m.SentUtc is not null ? DeliveryState.Sent : OutboxStops.ReasonOf(m.LastError) is not null ? DeliveryState.Stopped
            : m.FailedUtc is not null ? DeliveryState.Failed : DeliveryState.Waiting,
            OutboxStops.ReasonOf(m.LastError) ?? ErrorType(m.LastError))).ToList();
    }

    public Task<int> FailedCountAsync(Guid enrolmentId, CancellationToken cancellationToken) =>
        core.OutboxMails.AsNoTracking().CountAsync(m => m.EnrolmentId == enrolmentId && m.FailedUtc != null
            && (m.LastError == null || !m.LastError.StartsWith(OutboxStops.Prefix)), cancellationToken);

    /// <summary>The outermost error type only (e.g. <c>SmtpException</c>): enough to tell the clinician what kind of trouble.</summary>
    public static string? ErrorType(string? lastError)
    {
        if (string.IsNullOrEmpty(lastError))
        {
            return null;
        }

        var first = lastError.Split('/')[0];
        var paren = first.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 ? first[..paren] : first;
    }

    public static string KindText(string kind) => kind switch
    {
        NotificationKinds.NewMessage => "Nytt meddelande",
        NotificationKinds.Inactivity => "Påminnelse om inaktivitet",
        NotificationKinds.FormDue => "Påminnelse om formulär",
        NotificationKinds.FormNew => "Nytt formulär",
        NotificationKinds.ModuleOpened => "Ny modul öppnad",
        NotificationKinds.Digest => "Veckosammanfattning",
        NotificationKinds.Verification => "Kod för att bekräfta adress",
        _ => "Övrigt",
    };
}
