using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Site;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Enrolment;

public sealed record SeededEnrolment(Guid PatientId, Guid EnrolmentId);

/// <summary>Patients and enrolments written straight into the database (no clinician pages needed).</summary>
public static class LifecycleSeed
{
    /// <summary>The published program's id and its module ids in order.</summary>
    public static Task<(string ProgramId, IReadOnlyList<string> ModuleIds)> ProgramAsync(this SiteFactory site) =>
        site.WithScopeAsync(async sp =>
        {
            var program = await sp.GetRequiredService<CurriculumLoader>().LoadAsync(latest: false)
                ?? throw new InvalidOperationException("The setup recipe publishes no program.");
            return (program.Item.ContentItemId, (IReadOnlyList<string>)program.Modules.Select(m => m.Id).ToList());
        });

    public static DateOnly Today(this SiteFactory site) => SwedishTime.Today(site.Clock);

    public static DateTime Now(this SiteFactory site) => site.Clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A new patient (unless <paramref name="patientId"/> names one) enrolled in the published program: active, all
    /// modules at start, starting today, ending in a year; <paramref name="configure"/> changes that.
    /// </summary>
    public static async Task<SeededEnrolment> EnrolAsync(this SiteFactory site, Guid unitId,
        Action<ProgramEnrolment>? configure = null, Guid? patientId = null)
    {
        var (programId, _) = await site.ProgramAsync();
        var today = site.Today();
        var now = site.Now();
        return await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EnrolmentDbContext>();
            var patient = patientId ?? Guid.NewGuid();
            if (patientId is null)
            {
                db.Patients.Add(new Patient
                {
                    Id = patient, GivenName = "Testa", FamilyName = "Patientsson", PersonnummerCipher = [1, 2, 3, 4],
                    PersonnummerHash = Guid.NewGuid().ToString("N"), PersonnummerMasked = "19800101-****",
                    Email = $"patient-{patient:N}@test.smartskola.se", EmailVerified = true, Mobile = "0701234567",
                    CareUnitId = unitId, UserId = Guid.NewGuid(), CreatedUtc = now, Version = Guid.NewGuid(),
                });
            }

            var enrolment = new ProgramEnrolment
            {
                Id = Guid.NewGuid(), PatientId = patient, ProgramId = programId, CareUnitId = unitId, ClinicianId = Guid.NewGuid(),
                StartDate = today, PlannedEndDate = today.AddDays(365), Status = EnrolmentStatus.Active,
                Policy = UnlockPolicyKind.AllAtStart, CreatedUtc = now, Version = Guid.NewGuid(),
            };
            configure?.Invoke(enrolment);
            db.Enrolments.Add(enrolment);
            await db.SaveChangesAsync();
            return new SeededEnrolment(patient, enrolment.Id);
        });
    }

    public static Task SetUnitRulesAsync(this SiteFactory site, Guid unitId, int inactivityDays, int retentionDays) =>
        site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EnrolmentDbContext>();
            db.UnitSettings.Add(new UnitEnrolmentSettings
            {
                CareUnitId = unitId, InactivityDays = inactivityDays, RetentionDays = retentionDays, Version = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });

    public static Task<T> EnrolmentDataAsync<T>(this SiteFactory site, Func<EnrolmentDbContext, Task<T>> query) =>
        site.WithScopeAsync(sp => query(sp.GetRequiredService<EnrolmentDbContext>()));

    public static Task<List<EnrolmentModuleState>> ModuleRowsAsync(this SiteFactory site, Guid enrolmentId) =>
        site.EnrolmentDataAsync(db => db.ModuleStates.AsNoTracking().Where(s => s.EnrolmentId == enrolmentId).ToListAsync());

    public static Task<List<EnrolmentActivity>> TimelineAsync(this SiteFactory site, Guid enrolmentId, string kind) =>
        site.EnrolmentDataAsync(db => db.Activities.AsNoTracking().Where(a => a.EnrolmentId == enrolmentId && a.Kind == kind)
            .ToListAsync());

    public static Task<List<ClinicianNotice>> NoticesAsync(this SiteFactory site, Guid enrolmentId) =>
        site.EnrolmentDataAsync(db => db.Notices.AsNoTracking().Where(n => n.EnrolmentId == enrolmentId).ToListAsync());
}
