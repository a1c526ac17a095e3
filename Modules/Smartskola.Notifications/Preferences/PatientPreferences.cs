using Microsoft.EntityFrameworkCore;
using Smartskola.Enrolment.Data;
using Smartskola.Notifications.Data;

namespace Smartskola.Notifications.Preferences;

/// <summary>What the patient chose on "Inställningar" (already parsed).</summary>
public sealed record PreferencesChoice(bool EmailEnabled, bool SmsEnabled, TimeOnly QuietFrom, TimeOnly QuietUntil, NotificationMode Mode,
    Guid Version);

/// <summary>Saving the outcome: the errors by field, or a conflict with someone else's save (another tab).</summary>
public sealed record PreferencesResult(IReadOnlyDictionary<string, string> Errors, bool Conflict = false)
{
    public bool Ok => Errors.Count == 0 && !Conflict;
}

/// <summary>Reads and saves a patient's notification settings; a channel can only be on with a verified address.</summary>
public sealed class PatientPreferences(NotificationsDbContext db, EnrolmentDbContext enrolments, TimeProvider clock)
{
    /// <summary>The signed-in account's patient record and latest enrolment giving access; null when the account has none.</summary>
    public async Task<(Patient Patient, Guid? EnrolmentId)?> PatientForUserAsync(Guid? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return null;
        }

        var patient = await enrolments.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId && p.PurgedUtc == null, cancellationToken);
        if (patient is null)
        {
            return null;
        }

        var enrolment = await enrolments.Enrolments.AsNoTracking()
            .Where(e => e.PatientId == patient.Id && (e.Status == EnrolmentStatus.Active || e.Status == EnrolmentStatus.Maintenance))
            .OrderByDescending(e => e.CreatedUtc).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
        return (patient, enrolment);
    }

    /// <summary>The saved settings, or the defaults (nothing on, quiet 21–08, immediate) with an empty version.</summary>
    public async Task<PatientNotificationSettings> CurrentAsync(Guid patientId, CancellationToken cancellationToken) =>
        await db.PatientSettings.AsNoTracking().FirstOrDefaultAsync(s => s.PatientId == patientId, cancellationToken)
        ?? new PatientNotificationSettings { PatientId = patientId, Version = Guid.Empty };

    public async Task<PreferencesResult> SaveAsync(Patient patient, PreferencesChoice choice, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (choice.EmailEnabled && !(patient.EmailVerified && !string.IsNullOrEmpty(patient.Email)))
        {
            errors["Input.EmailEnabled"] = "Bekräfta din e-postadress med en kod innan du slår på notifieringar via e-post.";
        }

        if (choice.SmsEnabled && !(patient.MobileVerified && !string.IsNullOrEmpty(patient.Mobile)))
        {
            errors["Input.SmsEnabled"] = "Bekräfta ditt mobilnummer med en kod innan du slår på notifieringar via sms.";
        }

        if (errors.Count > 0)
        {
            return new(errors);
        }

        var row = await db.PatientSettings.FirstOrDefaultAsync(s => s.PatientId == patient.Id, cancellationToken);
        if (row is null)
        {
            if (choice.Version != Guid.Empty)
            {
                return new(errors, Conflict: true);
            }

            row = new PatientNotificationSettings { PatientId = patient.Id };
            db.PatientSettings.Add(row);
        }
        else
        {
            // The version the form was opened with: someone else's save in between changes no row.
            db.Entry(row).Property(r => r.Version).OriginalValue = choice.Version;
        }

        row.EmailEnabled = choice.EmailEnabled;
        row.SmsEnabled = choice.SmsEnabled;
        row.QuietFrom = choice.QuietFrom;
        row.QuietUntil = choice.QuietUntil;
        row.Mode = choice.Mode;
        row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        row.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A changed version, or a row another tab created a moment ago (primary key).
            db.ChangeTracker.Clear();
            return new(errors, Conflict: true);
        }

        return new(errors);
    }
}
