using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Accounts;
using Smartskola.Core.Audit;
using Smartskola.Core.Persistence;
using Smartskola.Enrolment.Activity;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Patients;

namespace Smartskola.Enrolment.Invitations;

/// <summary>Checks an invitation link and turns it into a sign-in, exactly once.</summary>
public sealed class InvitationAcceptance(
    EnrolmentDbContext db,
    SharedDbConnection connection,
    InvitationService invitations,
    IInvitationSignIn signIn,
    IPatientAccounts accounts,
    ActivityLog activity,
    IAuditLog audit,
    TimeProvider clock)
{
    public const string Unknown = "Länken fungerar inte. Kontrollera att du har kopierat hela länken, eller be din behandlare om en ny inbjudan.";
    public const string Expired = "Länken har gått ut. Be din behandlare om en ny inbjudan.";
    public const string Used = "Länken har redan använts. Logga in med det konto du skapade, eller be din behandlare om en ny inbjudan.";
    public const string Replaced = "Länken har ersatts av en nyare inbjudan. Använd den senaste länken du fick.";
    public const string Ended = "Inskrivningen som inbjudan gällde är avslutad. Kontakta din vårdenhet.";

    /// <summary>The invitation and its patient if the link can be used now; otherwise a Swedish reason.</summary>
    public async Task<(Invitation? Invitation, Patient? Patient, string? Problem)> CheckAsync(string token, CancellationToken cancellationToken)
    {
        var invitation = await invitations.FindAsync(token, cancellationToken);
        if (invitation is null)
        {
            return (null, null, Unknown);
        }

        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == invitation.PatientId, cancellationToken);
        var enrolment = await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == invitation.EnrolmentId, cancellationToken);
        var problem = invitation.UsedUtc is not null || patient.UserId is not null ? Used
            : invitation.RevokedUtc is not null ? Replaced
            : invitation.ExpiresUtc <= clock.GetUtcNow().UtcDateTime ? Expired
            : !enrolment.GivesAccess ? Ended
            : null;
        return (invitation, patient, problem);
    }

    public async Task<IReadOnlyList<string>> AcceptAsync(string token, string? email, string password, string confirm, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (invitation, patient, problem) = await CheckAsync(token, cancellationToken);
        if (problem is not null)
        {
            return [problem];
        }

        if (!ContactDetails.TryEmail(email, out var address, out var emailError) || address is null)
        {
            return [address is null && emailError.Length == 0 ? "Skriv din e-postadress. Du loggar in med den." : emailError];
        }

        if (password != confirm)
        {
            return ["Lösenorden är inte likadana. Skriv samma lösenord två gånger."];
        }

        // Claim the invitation first: of two simultaneous submissions only one gets here with a row.
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Invitations.Where(i => i.Id == invitation!.Id && i.UsedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedUtc, now), cancellationToken);
        if (claimed != 1)
        {
            return [Used];
        }

        var (userId, errors) = await signIn.CreateAsync(new InvitationSignInRequest(address, password, patient!.GivenName), cancellationToken);
        if (userId is null)
        {
            return errors;
        }

        var record = await db.Patients.SingleAsync(p => p.Id == patient.Id, cancellationToken);
        record.UserId = userId;
        // The address is verified when it is the one the invitation was mailed to: the link proves the patient reads it.
        record.EmailVerified = string.Equals(record.Email, address, StringComparison.OrdinalIgnoreCase) || record.EmailVerified;
        if (record.Email is null)
        {
            record.Email = address;
        }

        record.Version = Guid.NewGuid();
        activity.Add(invitation!.EnrolmentId, ActivityKinds.InvitationAccepted);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.WriteAsync(new AuditEvent("invitation.accept", "Enrolment", invitation.EnrolmentId.ToString())
            { SubjectPatientId = patient.Id, ActorUserId = userId, ActorName = "Patienten" }, cancellationToken);
        await accounts.SignInAsync(userId.Value);
        return [];
    }
}
