using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;

namespace Smartskola.Core.Mail;

/// <summary>
/// A plain-text mail (or SMS, see <see cref="Channel"/>) to queue. <paramref name="DedupeKey"/> makes queuing
/// idempotent. The text must never hold message text, names, personnummer or diagnoses: mail and SMS are not secure.
/// </summary>
public sealed record OutgoingMail(string DedupeKey, string To, string Subject, string Body)
{
    public OutboxChannel Channel { get; init; } = OutboxChannel.Email;

    /// <summary>The enrolment a patient notification concerns (shown in its delivery status).</summary>
    public Guid? EnrolmentId { get; init; }

    /// <summary>A short code for what it is (<see cref="OutboxMail.Kind"/>).</summary>
    public string? Kind { get; init; }

    /// <summary>Not sent before this time (e.g. the end of the patient's quiet hours); null: at once.</summary>
    public DateTime? NotBeforeUtc { get; init; }

    /// <summary>An SMS: no subject.</summary>
    public static OutgoingMail Sms(string dedupeKey, string mobile, string text) =>
        new(dedupeKey, mobile, string.Empty, text) { Channel = OutboxChannel.Sms };
}

/// <summary>Queues mail in the database; <see cref="MailDelivery"/> sends it.</summary>
public interface IMailOutbox
{
    /// <summary>
    /// Queues the mail in the caller's transaction if one is open on the shared connection (so the mail is sent
    /// only if that transaction commits). False when a mail with the same dedupe key was already queued.
    /// </summary>
    Task<bool> EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

public sealed class MailOutbox(CoreDbContext db, TimeProvider clock) : IMailOutbox
{
    public async Task<bool> EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        Validate(mail);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = mail.NotBeforeUtc is { } notBefore && notBefore > now ? notBefore : now;
        var id = Guid.NewGuid();
        var channel = (int)mail.Channel;
        // One statement for both providers (SQLite has had this upsert syntax since 3.24). A duplicate key is
        // skipped without an error, so a caller's PostgreSQL transaction is not aborted, and the unique index
        // decides between two instances queuing the same key at once. The context is enlisted in the shared
        // connection, so this runs in the caller's transaction when there is one.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO "OutboxMails" ("Id", "DedupeKey", "Channel", "EnrolmentId", "Kind", "To", "Subject", "Body", "CreatedUtc",
                 "NextAttemptUtc", "Attempts")
             VALUES ({id}, {mail.DedupeKey}, {channel}, {mail.EnrolmentId}, {mail.Kind}, {mail.To}, {mail.Subject}, {mail.Body}, {now},
                 {due}, 0)
             ON CONFLICT ("DedupeKey") DO NOTHING
             """,
            cancellationToken);
        return inserted == 1;
    }

    private static void Validate(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (string.IsNullOrWhiteSpace(mail.DedupeKey) || mail.DedupeKey.Length > OutboxMail.DedupeKeyMaxLength)
        {
            throw new ArgumentException($"The dedupe key must have 1–{OutboxMail.DedupeKeyMaxLength} characters.", nameof(mail));
        }

        if (mail.Kind is { Length: > OutboxMail.KindMaxLength })
        {
            throw new ArgumentException($"The kind must have at most {OutboxMail.KindMaxLength} characters.", nameof(mail));
        }

        if (mail.Channel == OutboxChannel.Sms)
        {
            if (!MobileNumber.IsInternational(mail.To))
            {
                throw new ArgumentException("An SMS recipient must be a mobile number in international form (+46…).", nameof(mail));
            }

            return;
        }

        if (mail.To.Length > OutboxMail.ToMaxLength || !MailAddress.TryCreate(mail.To, out var address) || address.DisplayName.Length > 0)
        {
            throw new ArgumentException("The recipient must be a plain e-mail address.", nameof(mail));
        }

        if (mail.Subject.Length > OutboxMail.SubjectMaxLength || mail.Subject.AsSpan().ContainsAny('\r', '\n'))
        {
            throw new ArgumentException($"The subject must be one line of at most {OutboxMail.SubjectMaxLength} characters.", nameof(mail));
        }
    }
}
