using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Persistence;

namespace Smartskola.Core.Mail;

/// <summary>A plain-text mail to queue. <paramref name="DedupeKey"/> makes queuing idempotent.</summary>
public sealed record OutgoingMail(string DedupeKey, string To, string Subject, string Body);

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
        var id = Guid.NewGuid();
        // One statement for both providers (SQLite has had this upsert syntax since 3.24). A duplicate key is
        // skipped without an error, so a caller's PostgreSQL transaction is not aborted, and the unique index
        // decides between two instances queuing the same key at once. The context is enlisted in the shared
        // connection, so this runs in the caller's transaction when there is one.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO "OutboxMails" ("Id", "DedupeKey", "To", "Subject", "Body", "CreatedUtc", "NextAttemptUtc", "Attempts")
             VALUES ({id}, {mail.DedupeKey}, {mail.To}, {mail.Subject}, {mail.Body}, {now}, {now}, 0)
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
