using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Workspace;

namespace Smartskola.Notifications.Delivery;

/// <summary>The "Notifieringar" link on the patient page, with the number of deliveries that were given up.</summary>
public sealed class NotificationsEnrolmentLinks(DeliveryStatus status) : IEnrolmentLinks
{
    public async Task<IReadOnlyList<EnrolmentLink>> ForEnrolmentAsync(ProgramEnrolment enrolment, CancellationToken cancellationToken)
    {
        var failed = await status.FailedCountAsync(enrolment.Id, cancellationToken);
        return [new EnrolmentLink("Notifieringar", $"/admin/patienter/{enrolment.Id}/notifieringar", failed > 0 ? $"{failed} misslyckade" : null)];
    }
}
