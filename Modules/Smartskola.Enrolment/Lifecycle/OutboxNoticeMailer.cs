using Microsoft.Extensions.Options;
using Smartskola.Core.Accounts;
using Smartskola.Core.Mail;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Lifecycle;

/// <summary>
/// Mails the responsible clinician that a notice waits in the workspace. Nothing in the mail identifies the patient;
/// the dedupe key is the notice's own, so the mail is queued once even if two instances race.
/// </summary>
public sealed class OutboxNoticeMailer(IMailOutbox outbox, IStaffDirectory staff, IOptions<SiteOptions> site) : IClinicianNoticeMailer
{
    public async Task NoticeCreatedAsync(ClinicianNotice notice, CancellationToken cancellationToken = default)
    {
        var clinician = (await staff.FindAsync([notice.ClinicianId], cancellationToken)).GetValueOrDefault(notice.ClinicianId);
        if (clinician is not { Email.Length: > 0 })
        {
            return;
        }

        var what = notice.Kind switch
        {
            NoticeKinds.EndingSoon => "En av dina patienters inskrivning slutar inom 30 dagar.",
            NoticeKinds.Inactive => "En av dina patienter har inte varit aktiv i programmet på ett tag.",
            _ => "Det finns en ny händelse bland dina patienter.",
        };
        var body = $"Hej!\n\n{what}\nLogga in i {site.Value.Name} och öppna Mina patienter för att se vem det gäller.\n";
        await outbox.EnqueueAsync(new OutgoingMail($"notice:{notice.DedupeKey}", clinician.Email, $"{site.Value.Name}: ny händelse", body),
            cancellationToken);
    }
}
