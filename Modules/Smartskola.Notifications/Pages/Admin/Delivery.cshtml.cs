using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Mail;
using Smartskola.Core.Security;
using Smartskola.Enrolment;
using Smartskola.Enrolment.Workspace;
using Smartskola.Notifications.Data;
using Smartskola.Notifications.Delivery;
using Smartskola.Notifications.Preferences;

namespace Smartskola.Notifications.Pages.Admin;

/// <summary>
/// The clinician's view of what the patient was told and whether it went out (Väntar/Skickad/Misslyckad), and the
/// patient's channel choices. Addresses are masked and texts are never kept after sending, so none are shown.
/// </summary>
[RequirePermission(EnrolmentPermissions.ManagePatients)]
public sealed class DeliveryModel(EnrolmentAccessGuard guard, DeliveryStatus status, PatientPreferences preferences) : PageModel
{
    public const string AuditAction = "patient.notifications.view";

    public Guid EnrolmentId { get; private set; }

    public string PatientName { get; private set; } = string.Empty;

    public IReadOnlyList<DeliveryRow> Rows { get; private set; } = [];

    public PatientNotificationSettings Settings { get; private set; } = new();

    public string? EmailShown { get; private set; }

    public bool EmailVerified { get; private set; }

    public string? MobileShown { get; private set; }

    public bool MobileVerified { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (await guard.OpenAsync(User, enrolmentId, AuditAction, cancellationToken) is not { } opened)
        {
            return NotFound();
        }

        EnrolmentId = enrolmentId;
        PatientName = opened.Patient.FullName;
        Rows = await status.ForEnrolmentAsync(enrolmentId, cancellationToken);
        Settings = await preferences.CurrentAsync(opened.Patient.Id, cancellationToken);
        EmailShown = opened.Patient.Email is { Length: > 0 } email ? MaskEmail(email) : null;
        EmailVerified = opened.Patient.EmailVerified;
        MobileShown = opened.Patient.Mobile is { Length: > 0 } mobile ? MobileNumber.Masked(mobile) : null;
        MobileVerified = opened.Patient.MobileVerified;
        return Page();
    }

    /// <summary>The first letter and the domain (<c>a•••@exempel.se</c>): enough to recognise, not to copy.</summary>
    public static string MaskEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "•••" : $"{email[0]}•••{email[at..]}";
    }
}
