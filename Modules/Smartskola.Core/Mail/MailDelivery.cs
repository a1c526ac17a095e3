using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smartskola.Core.Leases;
using Smartskola.Core.Persistence;

namespace Smartskola.Core.Mail;

/// <summary>
/// Sends due outbox mail and SMS. Each row is claimed with a conditional UPDATE before it is sent, so two instances on
/// one database never send the same row; a claim expires after <see cref="ClaimDuration"/> if its instance dies
/// (then the mail may be sent again: delivery is at least once, never concurrently twice). Logs only outbox ids
/// and error types, never addresses, subjects or bodies.
/// </summary>
public sealed class MailDelivery(
    CoreDbContext db,
    IOptions<MailOptions> options,
    TimeProvider clock,
    LeaseHolderIdentity identity,
    IHostEnvironment environment,
    ISmsGateway sms,
    IEnumerable<IOutboxSendGuard> guards,
    ILogger<MailDelivery> logger)
{
    /// <summary>After this many failed attempts a mail is given up (<see cref="OutboxMail.FailedUtc"/>).</summary>
    public const int MaxAttempts = 8;

    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(10);

    private const int BatchSize = 50;

    private static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24),
    ];

    /// <summary>The wait after failed attempt number <paramref name="attempts"/> (1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h).</summary>
    public static TimeSpan RetryDelay(int attempts) => Backoff[Math.Clamp(attempts - 1, 0, Backoff.Length - 1)];

    /// <summary>Whether anything can leave: an SMTP host, a pickup directory, Development (App_Data/mail), or an SMS gateway.</summary>
    public static bool IsConfigured(MailOptions options, IHostEnvironment environment, SmsOptions sms) =>
        !string.IsNullOrWhiteSpace(options.Host) || PickupDirectory(options, environment) is not null || sms.IsConfigured;

    /// <summary>Sends up to 50 due mails and SMS; returns how many were sent.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        using var smtp = CreateClient();
        var email = smtp is not null;
        if (!email && !sms.IsConfigured)
        {
            return 0;
        }

        var claim = $"{identity.Value}:{Guid.NewGuid():N}";
        var batch = await ClaimBatchAsync(claim, email, sms.IsConfigured, cancellationToken);
        var sent = 0;
        foreach (var mail in batch)
        {
            // A slow batch may outlive its claim; renewing it row by row means a row whose claim expired (and that
            // another instance may have taken) is skipped instead of sent twice.
            if (!await RenewClaimAsync(mail, claim, cancellationToken) || !await MaySendNowAsync(mail, claim, cancellationToken))
            {
                continue;
            }

            if (await SendAsync(smtp, mail, claim, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> RenewClaimAsync(OutboxMail mail, string claim, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.OutboxMails
            .Where(m => m.Id == mail.Id && m.ClaimedBy == claim && m.ClaimedUntilUtc >= now && m.SentUtc == null && m.FailedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, now + ClaimDuration), cancellationToken) == 1;
    }

    /// <summary>Asks the registered <see cref="IOutboxSendGuard"/>s about a notification; stops or postpones it if they say so.</summary>
    private async Task<bool> MaySendNowAsync(OutboxMail mail, string claim, CancellationToken cancellationToken)
    {
        if (mail.EnrolmentId is null)
        {
            return true;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var guard in guards)
        {
            switch (await guard.CheckAsync(mail, now, cancellationToken))
            {
                case OutboxDecision.PostponeUntil postpone:
                    await Claimed(mail, claim).ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.NextAttemptUtc, postpone.UntilUtc)
                        .SetProperty(m => m.ClaimedBy, (string?)null)
                        .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
                    return false;
                case OutboxDecision.StopSending stop:
                    await Claimed(mail, claim).StopAsync(stop.Reason, now, CancellationToken.None);
                    logger.LogInformation("Outbox mail {OutboxId} stopped before sending: {Reason}.", mail.Id, stop.Reason);
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Claims up to <see cref="BatchSize"/> due rows in one statement. The claim is a conditional UPDATE, so of two
    /// instances racing for a row one wins; on PostgreSQL <c>FOR UPDATE SKIP LOCKED</c> lets the other take the next
    /// rows at once instead of waiting for the first one's lock. Rows of a channel that cannot send stay unclaimed.
    /// </summary>
    private async Task<List<OutboxMail>> ClaimBatchAsync(string claim, bool email, bool smsChannel, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + ClaimDuration;
        var skipLocked = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? "FOR UPDATE SKIP LOCKED" : string.Empty;
        int emailChannel = (int)OutboxChannel.Email, smsCode = (int)OutboxChannel.Sms, size = BatchSize;
        const string due = """
            "SentUtc" IS NULL AND "FailedUtc" IS NULL AND "NextAttemptUtc" <= {0}
            AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {0})
            AND (("Channel" = {1} AND {2}) OR ("Channel" = {3} AND {4}))
            """;
#pragma warning disable EF1002 // only the fixed "due" text and the lock clause are concatenated; all values are parameters
        await db.Database.ExecuteSqlRawAsync($$"""
            UPDATE "OutboxMails" SET "ClaimedBy" = {5}, "ClaimedUntilUtc" = {6}
            WHERE {{due}} AND "Id" IN (
                SELECT "Id" FROM "OutboxMails" WHERE {{due}}
                ORDER BY "NextAttemptUtc", "CreatedUtc" LIMIT {7} {{skipLocked}})
            """, [now, emailChannel, email, smsCode, smsChannel, claim, until, size], cancellationToken);
#pragma warning restore EF1002
        return await db.OutboxMails.AsNoTracking().Where(m => m.ClaimedBy == claim)
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.CreatedUtc).ToListAsync(cancellationToken);
    }

    private async Task<bool> SendAsync(SmtpClient? smtp, OutboxMail mail, string claim, CancellationToken cancellationToken)
    {
        try
        {
            if (mail.Channel == OutboxChannel.Sms)
            {
                await sms.SendAsync(mail.To, mail.Body, cancellationToken);
            }
            else
            {
                using var message = Compose(mail);
                await smtp!.SendMailAsync(message, cancellationToken);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(mail, claim, exception);
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Once sent, the text (which may hold a one-time link) and the address are not kept: the row is only a receipt.
        await Claimed(mail, claim).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentUtc, now)
            .SetProperty(m => m.Body, string.Empty)
            .SetProperty(m => m.To, string.Empty)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
        logger.LogInformation("Outbox mail {OutboxId} sent.", mail.Id);
        return true;
    }

    private async Task RecordFailureAsync(OutboxMail mail, string claim, Exception exception)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = mail.Attempts + 1;
        DateTime? failed = attempts >= MaxAttempts ? now : null;
        var next = failed ?? now + RetryDelay(attempts);
        // Exception messages can name the recipient (SmtpFailedRecipientException): keep types and codes only.
        var error = Describe(exception);
        await Claimed(mail, claim).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptUtc, next)
            .SetProperty(m => m.FailedUtc, failed)
            .SetProperty(m => m.Body, m => failed == null ? m.Body : string.Empty)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
        if (failed is null)
        {
            logger.LogWarning("Outbox mail {OutboxId} not sent (attempt {Attempt} of {MaxAttempts}): {ErrorType}.",
                mail.Id, attempts, MaxAttempts, error);
        }
        else
        {
            logger.LogError("Outbox mail {OutboxId} given up after {Attempt} attempts: {ErrorType}.", mail.Id, attempts, error);
        }
    }

    private IQueryable<OutboxMail> Claimed(OutboxMail mail, string claim) =>
        db.OutboxMails.Where(m => m.Id == mail.Id && m.ClaimedBy == claim);

    private MailMessage Compose(OutboxMail mail)
    {
        var message = new MailMessage
        {
            From = new MailAddress(options.Value.From),
            Subject = mail.Subject,
            Body = mail.Body,
            IsBodyHtml = false,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.QuotedPrintable,
        };
        message.To.Add(new MailAddress(mail.To));
        return message;
    }

    private SmtpClient? CreateClient()
    {
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.Host))
        {
            var client = new SmtpClient(o.Host, o.Port)
            {
                EnableSsl = o.EnableSsl,
                Timeout = (int)o.Timeout.TotalMilliseconds,
                DeliveryMethod = SmtpDeliveryMethod.Network,
            };
            if (!string.IsNullOrEmpty(o.UserName))
            {
                client.Credentials = new NetworkCredential(o.UserName, o.Password);
            }

            return client;
        }

        if (PickupDirectory(o, environment) is not { } folder)
        {
            return null;
        }

        Directory.CreateDirectory(folder);
        return new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = folder,
        };
    }

    private static string? PickupDirectory(MailOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.Host))
        {
            return null;
        }

        var folder = !string.IsNullOrWhiteSpace(options.PickupDirectory) ? options.PickupDirectory
            : environment.IsDevelopment() ? Path.Combine("App_Data", "mail")
            : null;
        return folder is null ? null : Path.GetFullPath(Path.Combine(environment.ContentRootPath, folder));
    }

    /// <summary>Exception types and status codes only: e.g. <c>SmtpException(GeneralFailure)/SocketException(ConnectionRefused)</c>.</summary>
    public static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null && parts.Count < 3; e = e.InnerException)
        {
            parts.Add(e switch
            {
                SmtpException smtp => $"{e.GetType().Name}({smtp.StatusCode})",
                SocketException socket => $"{e.GetType().Name}({socket.SocketErrorCode})",
                SmsGatewayException gateway => $"{e.GetType().Name}({gateway.StatusCode})",
                HttpRequestException http when http.StatusCode is { } status => $"{e.GetType().Name}({(int)status})",
                _ => e.GetType().Name,
            });
        }

        return string.Join('/', parts);
    }
}
