using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;
using Smartskola.Tests.Infrastructure;
using Smartskola.Users.Data;

namespace Smartskola.Tests.Enrolment;

/// <summary>
/// Patients and enrolments written straight into the database, until the clinician's enrolment pages exist: a
/// patient record (dummy encrypted personnummer) for a sign-in account, and an enrolment in the program.
/// </summary>
public static class EnrolmentSeed
{
    /// <summary>A new patient account of its own, enrolled with <paramref name="policy"/>; returns its e-mail and records.</summary>
    public static async Task<(string Email, Guid UserId, Patient Patient, ProgramEnrolment Enrolment)> EnrolNewPatientAsync(
        this SiteFactory site, UnlockPolicyKind policy, int initialModules = 1)
    {
        var email = await site.CreateUserAsync("Patient");
        var userId = await site.UserIdAsync(email);
        var patient = await site.PatientForAsync(userId);
        var enrolment = await site.EnrolAsync(patient, policy, initialModules);
        return (email, userId, patient, enrolment);
    }

    public static Task<Guid> UserIdAsync(this SiteFactory site, string email) =>
        site.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<User>>().FindByEmailAsync(email))!.Id);

    /// <summary>The account's patient record, created if it has none (the demo patient may get one from the recipe later).</summary>
    public static Task<Patient> PatientForAsync(this SiteFactory site, Guid userId) => site.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<EnrolmentDbContext>();
        if (await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId) is { } existing)
        {
            return existing;
        }

        var users = sp.GetRequiredService<UsersDbContext>();
        var north = await users.CareUnits.Where(u => u.Code == DemoUsers.UnitNorth).Select(u => u.Id).SingleAsync();
        var patient = new Patient
        {
            Id = Guid.NewGuid(),
            GivenName = "Test",
            FamilyName = "Patient",
            PersonnummerCipher = [1, 2, 3, 4],
            PersonnummerHash = Guid.NewGuid().ToString("N"),
            PersonnummerMasked = "19800101-****",
            CareUnitId = north,
            UserId = userId,
            CreatedUtc = DateTime.UtcNow,
            Version = Guid.NewGuid(),
        };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient;
    });

    public static Task<ProgramEnrolment> EnrolAsync(this SiteFactory site, Patient patient, UnlockPolicyKind policy, int initialModules) =>
        site.WithScopeAsync(async sp =>
        {
            var program = (await sp.GetRequiredService<CurriculumLoader>().LoadAsync(latest: false))!;
            var db = sp.GetRequiredService<EnrolmentDbContext>();
            var today = Smartskola.Core.Site.SwedishTime.Today(site.Clock).AddDays(-1);
            var enrolment = new ProgramEnrolment
            {
                Id = Guid.NewGuid(),
                PatientId = patient.Id,
                ProgramId = program.Item.ContentItemId,
                CareUnitId = patient.CareUnitId,
                ClinicianId = Guid.NewGuid(),
                StartDate = today,
                PlannedEndDate = today.AddDays(365),
                Status = EnrolmentStatus.Active,
                Policy = policy,
                InitialModules = initialModules,
                CreatedUtc = DateTime.UtcNow,
                Version = Guid.NewGuid(),
            };
            db.Enrolments.Add(enrolment);
            await db.SaveChangesAsync();
            return enrolment;
        });
}
