using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smartskola.Core.Mail;
using Smartskola.Core.Security;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Patients;
using Smartskola.Notifications.Data;
using Smartskola.Notifications.Preferences;

namespace Smartskola.Notifications.Pages.Patient;

/// <summary>
/// "Inställningar": how the patient wants to hear that something waits (e-mail, SMS, quiet hours, immediate or a
/// weekly summary), and the addresses, each confirmed with a one-time code before it is used.
/// </summary>
[RequirePermission(CorePermissions.PatientArea)]
public sealed class SettingsModel(PatientPreferences preferences, ContactVerifier verifier, ISmsGateway smsGateway) : PageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public Smartskola.Enrolment.Data.Patient? Patient { get; private set; }

    public ContactVerification? PendingEmail { get; private set; }

    public ContactVerification? PendingSms { get; private set; }

    /// <summary>A Swedish message for the address/code forms, shown next to them (<see cref="ErrorChannel"/>).</summary>
    public string? ContactError { get; private set; }

    public string? ErrorChannel { get; private set; }

    private Guid? _enrolmentId;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = SettingsInput.From(await preferences.CurrentAsync(Patient!.Id, cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var from = Time(Input.QuietFrom, "Input.QuietFrom", "Skriv en tid när sms-tystnaden börjar, t.ex. 21:00.");
        var until = Time(Input.QuietUntil, "Input.QuietUntil", "Skriv en tid när sms-tystnaden slutar, t.ex. 08:00.");
        if (!Enum.TryParse<NotificationMode>(Input.Mode, out var mode) || !Enum.IsDefined(mode))
        {
            ModelState.AddModelError("Input.Mode", "Välj om du vill få notifieringar direkt eller en sammanfattning i veckan.");
        }

        if (from is null || until is null || !ModelState.IsValid)
        {
            return Unprocessable();
        }

        var result = await preferences.SaveAsync(Patient!, new PreferencesChoice(Input.EmailEnabled, Input.SmsEnabled, from.Value, until.Value,
            mode, Input.Version), cancellationToken);
        if (result.Conflict)
        {
            var current = await preferences.CurrentAsync(Patient!.Id, cancellationToken);
            Input.Version = current.Version;
            ModelState.Remove("Input.Version");
            ModelState.AddModelError(string.Empty,
                "Dina inställningar ändrades någon annanstans (kanske i en annan flik) medan du arbetade. Dina val står kvar här; spara igen om de ska gälla.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        foreach (var (key, message) in result.Errors)
        {
            ModelState.AddModelError(key, message);
        }

        if (!result.Ok)
        {
            return Unprocessable();
        }

        StatusMessage = "Dina inställningar är sparade.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSendCodeAsync(string? channel, string? address, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var sms = channel == "sms";
        if (sms && !smsGateway.IsConfigured)
        {
            // Without a gateway the code would wait in the outbox forever while the page said it was sent.
            return await ContactFailedAsync(channel, "Sms kan inte skickas härifrån just nu. Använd e-post i stället.",
                StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        string? normalized;
        string error;
        var valid = sms ? ContactDetails.TryMobile(address, out normalized, out error) : ContactDetails.TryEmail(address, out normalized, out error);
        if (!valid || normalized is null)
        {
            return await ContactFailedAsync(channel, valid ? (sms ? "Skriv ditt mobilnummer." : "Skriv din e-postadress.") : error,
                StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        var result = await verifier.SendCodeAsync(Patient!.Id, sms ? OutboxChannel.Sms : OutboxChannel.Email, normalized, _enrolmentId,
            cancellationToken);
        if (!result.Ok)
        {
            return await ContactFailedAsync(channel, result.Error!, result.Status, cancellationToken);
        }

        StatusMessage = sms
            ? $"Vi har skickat en kod med sms till {MobileNumber.Masked(normalized)}. Skriv in den nedan."
            : $"Vi har skickat en kod till {normalized}. Skriv in den nedan.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? channel, string? code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var sms = channel == "sms";
        var result = await verifier.ConfirmAsync(Patient!.Id, sms ? OutboxChannel.Sms : OutboxChannel.Email, code, cancellationToken);
        if (!result.Ok)
        {
            return await ContactFailedAsync(channel, result.Error!, result.Status, cancellationToken);
        }

        StatusMessage = sms
            ? "Ditt mobilnummer är bekräftat. Nu kan du slå på notifieringar via sms."
            : "Din e-postadress är bekräftad. Nu kan du slå på notifieringar via e-post.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ContactFailedAsync(string? channel, string error, int status, CancellationToken cancellationToken)
    {
        ContactError = error;
        ErrorChannel = channel == "sms" ? "sms" : "email";
        await LoadAsync(cancellationToken); // the address may have changed
        Input = SettingsInput.From(await preferences.CurrentAsync(Patient!.Id, cancellationToken));
        ModelState.Clear();
        Response.StatusCode = status;
        return Page();
    }

    private IActionResult Unprocessable()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await preferences.PatientForUserAsync(User.UserId(), cancellationToken) is not { } found)
        {
            return false;
        }

        (Patient, _enrolmentId) = found;
        PendingEmail = await verifier.PendingAsync(found.Patient.Id, OutboxChannel.Email, cancellationToken);
        PendingSms = await verifier.PendingAsync(found.Patient.Id, OutboxChannel.Sms, cancellationToken);
        return true;
    }

    /// <summary>The first error on <paramref name="key"/>, shown next to that field and linked to it.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private TimeOnly? Time(string? value, string key, string message)
    {
        if (TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var time))
        {
            return time;
        }

        ModelState.AddModelError(key, message);
        return null;
    }

    public sealed class SettingsInput
    {
        public bool EmailEnabled { get; set; }

        public bool SmsEnabled { get; set; }

        public string? QuietFrom { get; set; }

        public string? QuietUntil { get; set; }

        public string? Mode { get; set; }

        public Guid Version { get; set; }

        public static SettingsInput From(PatientNotificationSettings settings) => new()
        {
            EmailEnabled = settings.EmailEnabled,
            SmsEnabled = settings.SmsEnabled,
            QuietFrom = settings.QuietFrom.ToString("HH:mm", CultureInfo.InvariantCulture),
            QuietUntil = settings.QuietUntil.ToString("HH:mm", CultureInfo.InvariantCulture),
            Mode = settings.Mode.ToString(),
            Version = settings.Version,
        };
    }
}
