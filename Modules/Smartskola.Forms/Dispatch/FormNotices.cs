using Microsoft.Extensions.Options;
using Smartskola.Core.Mail;
using Smartskola.Core.Site;

namespace Smartskola.Forms.Dispatch;

/// <summary>
/// The e-mails about forms. They never carry a name, personnummer, form title or answer: only that there is
/// something to do and where to sign in (mail is not a secure channel).
/// </summary>
public sealed class FormNotices(IMailOutbox outbox, IOptions<SiteOptions> site)
{
    public const string NewForm = "new";
    public const string Reminder = "reminder";

    /// <summary>Queues a notice (in the caller's transaction when one is open); false when already queued.</summary>
    /// <param name="dedupe">What makes this notice unique besides the assignment and kind (e.g. a date).</param>
    public Task<bool> QueueAsync(string? email, Guid assignmentId, string kind, string dedupe, string? baseUrl,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return Task.FromResult(false);
        }

        var link = string.IsNullOrWhiteSpace(baseUrl) ? "Logga in för att fylla i det." : $"Logga in för att fylla i det: {baseUrl.TrimEnd('/')}/program";
        var (subject, body) = kind == Reminder
            ? ("Påminnelse: ett formulär väntar på dig",
                $"Du har ett formulär i {site.Value.Name} som inte är ifyllt ännu. {link}")
            : ("Nytt formulär att fylla i",
                $"Du har fått ett nytt formulär i {site.Value.Name}. {link}");
        return outbox.EnqueueAsync(new OutgoingMail($"forms:{kind}:{assignmentId:N}:{dedupe}", email.Trim(), subject, body),
            cancellationToken);
    }

    /// <summary>The site's address for links in mail sent without a request (background jobs); null: no link.</summary>
    public string? BackgroundBaseUrl => string.IsNullOrWhiteSpace(site.Value.PublicUrl) ? null : site.Value.PublicUrl.TrimEnd('/');
}
