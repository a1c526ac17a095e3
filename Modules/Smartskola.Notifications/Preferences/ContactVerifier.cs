using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Smartskola.Core.Mail;
using Smartskola.Core.Patients;
using Smartskola.Core.Persistence;
using Smartskola.Enrolment.Data;
using Smartskola.Notifications.Data;
using Smartskola.Notifications.Sending;

namespace Smartskola.Notifications.Preferences;

/// <summary>The outcome of a verification step: null error means it worked; else a Swedish message and the HTTP status to answer.</summary>
public sealed record VerificationResult(string? Error, int Status = 422)
{
    public bool Ok => Error is null;
}

/// <summary>
/// Proves that the patient can read an address before anything is sent to it: a 6-digit code, stored only as a keyed
/// hash, valid for 15 minutes and 5 attempts, sent through the outbox to the NEW address (it bypasses the opt-in:
/// there is nothing to opt in to yet). Changing the address un-verifies it at once, so nothing goes to an address
/// that has not been confirmed; the right code marks it verified.
/// </summary>
public sealed class ContactVerifier(
    NotificationsDbContext db,
    EnrolmentDbContext enrolments,
    IMailOutbox outbox,
    SharedDbConnection connection,
    NotificationTexts texts,
    IOptions<PatientsOptions> patients,
    TimeProvider clock)
{
    /// <summary>More codes than this per channel and hour are refused (an SMS or mail bomb through our gateway).</summary>
    public const int MaxCodesPerHour = 5;

    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(patients.Value.PersonnummerKey.Trim()),
        32, info: Encoding.UTF8.GetBytes("smartskola-contact-verification"));

    /// <summary>Starts verifying <paramref name="address"/> (already normalized) and queues the code to it.</summary>
    public async Task<VerificationResult> SendCodeAsync(Guid patientId, OutboxChannel channel, string address, Guid? enrolmentId,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var recent = await db.Verifications.AsNoTracking()
            .CountAsync(v => v.PatientId == patientId && v.Channel == channel && v.CreatedUtc > now.AddHours(-1), cancellationToken);
        if (recent >= MaxCodesPerHour)
        {
            return new("Du har bett om många koder på kort tid. Vänta en stund och försök igen.", 429);
        }

        var patient = await enrolments.Patients.FirstOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
        {
            return new("Dina uppgifter hittades inte.", 404);
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var verification = new ContactVerification
        {
            Id = Guid.NewGuid(), PatientId = patientId, Channel = channel, Address = address, CreatedUtc = now,
            ExpiresUtc = now + ContactVerification.Lifetime,
        };
        verification.CodeHash = Hash(verification.Id, code);
        var text = texts.Verification(code);
        try
        {
            await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
            // A new code replaces any open one for the channel.
            await db.Verifications.Where(v => v.PatientId == patientId && v.Channel == channel && v.VerifiedUtc == null && v.ExpiresUtc > now)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.ExpiresUtc, now), cancellationToken);
            db.Verifications.Add(verification);
            await db.SaveChangesAsync(cancellationToken);
            // The patient's address (also the clinic's contact record) changes only when the code proves the new one.
            var key = $"verify:{verification.Id:N}";
            var mail = channel == OutboxChannel.Sms
                ? OutgoingMail.Sms(key, address, text.Sms) with { Kind = NotificationKinds.Verification, EnrolmentId = enrolmentId }
                : new OutgoingMail(key, address, text.Subject, text.Body) { Kind = NotificationKinds.Verification, EnrolmentId = enrolmentId };
            await outbox.EnqueueAsync(mail, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new("Dina uppgifter ändrades samtidigt någon annanstans. Ladda om sidan och försök igen.", 409);
        }

        return new(null);
    }

    /// <summary>Checks <paramref name="code"/> against the channel's open verification; the right one verifies the address.</summary>
    public async Task<VerificationResult> ConfirmAsync(Guid patientId, OutboxChannel channel, string? code, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Verifications.AsNoTracking()
            .Where(v => v.PatientId == patientId && v.Channel == channel && v.VerifiedUtc == null)
            .OrderByDescending(v => v.CreatedUtc).FirstOrDefaultAsync(cancellationToken);
        if (open is null || open.ExpiresUtc <= now)
        {
            return new("Koden gäller inte längre. Be om en ny kod.");
        }

        // Counted before the comparison and atomically, so parallel guesses cannot get more than five tries.
        var counted = await db.Verifications
            .Where(v => v.Id == open.Id && v.Attempts < ContactVerification.MaxAttempts && v.VerifiedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Attempts, v => v.Attempts + 1), cancellationToken);
        if (counted == 0)
        {
            return new("Du har försökt för många gånger. Be om en ny kod.");
        }

        var digits = (code ?? string.Empty).Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(open.Id, digits)), Encoding.ASCII.GetBytes(open.CodeHash)))
        {
            var left = ContactVerification.MaxAttempts - open.Attempts - 1;
            return new(left > 0 ? $"Koden stämmer inte. Du har {left} försök kvar." : "Koden stämmer inte. Be om en ny kod.");
        }

        var patient = await enrolments.Patients.FirstOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
        {
            return new("Dina uppgifter hittades inte.", 404);
        }

        try
        {
            await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
            await db.Verifications.Where(v => v.Id == open.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.VerifiedUtc, now), cancellationToken);
            SetVerifiedAddress(patient, channel, open.Address);
            await enrolments.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new("Dina uppgifter ändrades samtidigt någon annanstans. Ladda om sidan och försök igen.", 409);
        }

        return new(null);
    }

    /// <summary>The open verification of a channel (to show the code field), if any.</summary>
    public Task<ContactVerification?> PendingAsync(Guid patientId, OutboxChannel channel, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Verifications.AsNoTracking()
            .Where(v => v.PatientId == patientId && v.Channel == channel && v.VerifiedUtc == null && v.ExpiresUtc > now
                && v.Attempts < ContactVerification.MaxAttempts)
            .OrderByDescending(v => v.CreatedUtc).FirstOrDefaultAsync(cancellationToken);
    }

    private string Hash(Guid id, string code) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{id:N}:{code}")));

    private static void SetVerifiedAddress(Patient patient, OutboxChannel channel, string address)
    {
        if (channel == OutboxChannel.Sms)
        {
            patient.Mobile = address;
            patient.MobileVerified = true;
        }
        else
        {
            patient.Email = address;
            patient.EmailVerified = true;
        }

        patient.Version = Guid.NewGuid();
    }
}
