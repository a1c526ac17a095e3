using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Accounts;
using Smartskola.Core.Audit;
using Smartskola.Core.Patients;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Activity;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Invitations;
using Smartskola.Enrolment.Patients;
using Smartskola.Enrolment.Unlocking;

namespace Smartskola.Enrolment.Enrolments;

/// <summary>Enrols a patient: the patient record, the enrolment, its first modules and the invitation, in one transaction.</summary>
public sealed class EnrolmentService(
    EnrolmentDbContext db,
    SharedDbConnection connection,
    PersonnummerProtector personnummer,
    CurriculumLoader curriculum,
    IStaffDirectory staff,
    InvitationService invitations,
    ActivityLog activity,
    IAuditLog audit,
    TimeProvider clock)
{
    public const int MaxBackdatingDays = 30;
    public const int MaxFutureStartDays = 90;

    public sealed record Enrolled(Guid EnrolmentId, string InvitationLink, bool InvitationMailed);

    public async Task<(Enrolled? Result, ChangeOutcome Outcome)> EnrolAsync(EnrolInput input, ClaimsPrincipal user, string baseUrl,
        CancellationToken cancellationToken = default)
    {
        var outcome = new ChangeOutcome();
        var today = SwedishTime.Today(clock);
        if (!Personnummer.TryParse(input.Personnummer, personnummer.AllowTestNumbers, today, out var number, out var pnrError))
        {
            outcome.Error(nameof(input.Personnummer), pnrError);
        }

        Require(input.GivenName, nameof(input.GivenName), "Skriv patientens förnamn.", outcome);
        Require(input.FamilyName, nameof(input.FamilyName), "Skriv patientens efternamn.", outcome);
        if (!ContactDetails.TryEmail(input.Email, out var email, out var emailError))
        {
            outcome.Error(nameof(input.Email), emailError);
        }

        if (!ContactDetails.TryMobile(input.Mobile, out var mobile, out var mobileError))
        {
            outcome.Error(nameof(input.Mobile), mobileError);
        }

        if (!user.IsMemberOfUnit(input.CareUnitId))
        {
            outcome.Error(nameof(input.CareUnitId), "Välj en av dina vårdenheter.");
        }
        else if ((await staff.InUnitAsync(input.CareUnitId, Roles.Clinician, cancellationToken)).All(s => s.Id != input.ClinicianId))
        {
            outcome.Error(nameof(input.ClinicianId), "Välj en behandlare på vårdenheten.");
        }

        if (input.StartDate < today.AddDays(-MaxBackdatingDays) || input.StartDate > today.AddDays(MaxFutureStartDays))
        {
            outcome.Error(nameof(input.StartDate),
                $"Startdatum ska vara mellan {today.AddDays(-MaxBackdatingDays):yyyy-MM-dd} och {today.AddDays(MaxFutureStartDays):yyyy-MM-dd}.");
        }

        if (input.WelcomeText is { Length: > 4000 })
        {
            outcome.Error(nameof(input.WelcomeText), "Välkomsttexten får vara högst 4 000 tecken.");
        }

        var program = await curriculum.LoadAsync(latest: false, cancellationToken);
        if (program is null)
        {
            return (null, outcome.Error(string.Empty, "Programmet är inte publicerat ännu. Ingen kan skrivas in förrän det är det."));
        }

        var policy = new UnlockPolicy(input.Policy, input.InitialModules, input.IntervalDays);
        foreach (var error in policy.Validate(program.Modules.Count))
        {
            outcome.Error(nameof(input.Policy), error);
        }

        if (!outcome.Succeeded)
        {
            return (null, outcome);
        }

        await using var transaction = await connection.BeginOrJoinTransactionAsync(cancellationToken);
        var hash = personnummer.LookupHash(number);
        if (connection.Provider == DatabaseProvider.Postgres)
        {
            // Serializes two clinicians enrolling the same person at once (SQLite's write lock does that by itself).
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"EnrolmentPatients\" WHERE \"PersonnummerHash\" = {hash} FOR UPDATE", cancellationToken);
        }

        var patient = await db.Patients.SingleOrDefaultAsync(p => p.PersonnummerHash == hash, cancellationToken);
        if (patient is not null)
        {
            var running = await db.Enrolments.AsNoTracking()
                .Where(e => e.PatientId == patient.Id && e.ProgramId == program.Item.ContentItemId
                    && (e.Status == EnrolmentStatus.Active || e.Status == EnrolmentStatus.Maintenance))
                .FirstOrDefaultAsync(cancellationToken);
            if (running is not null)
            {
                if (user.IsMemberOfUnit(running.CareUnitId))
                {
                    return (null, outcome.Error(nameof(input.Personnummer),
                        $"Patienten har redan en pågående inskrivning i programmet på din vårdenhet (sedan {running.StartDate:yyyy-MM-dd}). " +
                        "En patient kan bara ha en pågående inskrivning åt gången."));
                }

                // Another unit's patient: say no more than needed (no unit, no date), and log the attempt.
                await transaction.DisposeAsync();
                await audit.WriteAsync(new AuditEvent("enrolment.create", "Enrolment") { SubjectPatientId = patient.Id, Outcome = AuditOutcome.Denied },
                    cancellationToken);
                return (null, outcome.Error(nameof(input.Personnummer),
                    "Patienten har redan en pågående inskrivning i programmet på en annan vårdenhet. " +
                    "En patient kan bara ha en pågående inskrivning åt gången; kontakta den vårdenheten om inskrivningen ska flyttas."));
            }
        }
        else
        {
            patient = new Patient
            {
                Id = Guid.NewGuid(),
                PersonnummerHash = hash,
                PersonnummerCipher = personnummer.Protect(number),
                PersonnummerMasked = number.Masked,
                CareUnitId = input.CareUnitId,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.Patients.Add(patient);
        }

        // A record another unit registered keeps its details: this unit's typing must not change that unit's patient.
        var mayUpdateRecord = db.Entry(patient).State == EntityState.Added || user.IsMemberOfUnit(patient.CareUnitId);
        if (mayUpdateRecord)
        {
            UpdateContact(patient, input, email, mobile);
        }

        patient.Version = Guid.NewGuid();
        var enrolment = new ProgramEnrolment
        {
            Id = Guid.NewGuid(),
            PatientId = patient.Id,
            ProgramId = program.Item.ContentItemId,
            CareUnitId = input.CareUnitId,
            ClinicianId = input.ClinicianId,
            StartDate = input.StartDate,
            PlannedEndDate = input.StartDate.AddDays(program.RecommendedDays),
            WelcomeText = string.IsNullOrWhiteSpace(input.WelcomeText) ? null : input.WelcomeText.Trim(),
            Status = EnrolmentStatus.Active,
            Policy = input.Policy,
            InitialModules = input.InitialModules,
            IntervalDays = input.IntervalDays,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            Version = Guid.NewGuid(),
        };
        db.Enrolments.Add(enrolment);
        activity.Staff(enrolment.Id, ActivityKinds.Enrolled, policy.Describe());
        db.ModuleStates.AddRange(ModuleAccessRules.StartRows(enrolment, program.Modules.Select(m => m.Id).ToList(),
            SwedishTime.Today(clock), clock.GetUtcNow().UtcDateTime));

        var link = string.Empty;
        var mailed = false;
        if (patient.UserId is null)
        {
            (_, link, mailed) = await invitations.CreateAsync(patient, enrolment.Id, user.UserId() ?? Guid.Empty, baseUrl, cancellationToken);
            activity.Staff(enrolment.Id, ActivityKinds.InvitationSent, mailed ? "Skickad med e-post" : "Länk att lämna över");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone registered the same new person at the same moment (unique personnummer hash).
            return (null, outcome.Error(nameof(input.Personnummer), "Någon annan skrev just in samma patient. Ladda om listan och kontrollera innan du försöker igen."));
        }

        await transaction.CommitAsync(cancellationToken);
        // The audit log writes on a connection of its own: after our commit, or SQLite's write lock would make it wait.
        await audit.WriteAsync(new AuditEvent("enrolment.create", "Enrolment", enrolment.Id.ToString())
            { SubjectPatientId = patient.Id, UnitId = enrolment.CareUnitId }, cancellationToken);
        return (new Enrolled(enrolment.Id, link, mailed), outcome);
    }

    private static void UpdateContact(Patient patient, EnrolInput input, string? email, string? mobile)
    {
        patient.GivenName = input.GivenName!.Trim();
        patient.FamilyName = input.FamilyName!.Trim();
        if (!string.Equals(patient.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            patient.Email = email;
            patient.EmailVerified = false;
        }

        if (patient.Mobile != mobile)
        {
            patient.Mobile = mobile;
            patient.MobileVerified = false;
        }
    }

    private static void Require(string? value, string field, string message, ChangeOutcome outcome)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            outcome.Error(field, message);
        }
        else if (value.Trim().Length > 100)
        {
            outcome.Error(field, "Högst 100 tecken.");
        }
    }
}
