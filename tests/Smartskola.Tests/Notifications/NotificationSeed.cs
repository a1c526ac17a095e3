using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Mail;
using Smartskola.Core.Persistence;
using Smartskola.Core.Site;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;
using Smartskola.Notifications.Data;
using Smartskola.Notifications.Sending;
using Smartskola.Tests.Enrolment;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Notifications;

/// <param name="AccountEmail">The patient's sign-in e-mail (also their contact address).</param>
public sealed record SeededPatient(Guid PatientId, Guid EnrolmentId, string AccountEmail, string Mobile, string ProgramId);

/// <summary>Patients, settings and outbox look-ups for the notification tests, written straight into the database.</summary>
public static class NotificationSeed
{
    /// <summary>A patient with a sign-in account (its e-mail is the contact address) enrolled in the published program.</summary>
    public static async Task<SeededPatient> PatientAsync(this SiteFactory site, string unitCode = DemoUsers.UnitNorth, bool emailVerified = true,
        bool mobileVerified = true, EnrolmentStatus status = EnrolmentStatus.Active, Guid? clinicianId = null)
    {
        var email = await site.CreateUserAsync("Patient");
        var userId = await site.UserIdAsync(email);
        var unit = await site.UnitIdAsync(unitCode);
        var mobile = $"+4670{Random.Shared.Next(1_000_000, 9_999_999)}";
        return await site.WithScopeAsync(async sp =>
        {
            var program = (await sp.GetRequiredService<CurriculumLoader>().LoadAsync(latest: false))!;
            var db = sp.GetRequiredService<EnrolmentDbContext>();
            var now = site.Clock.GetUtcNow().UtcDateTime;
            var today = SwedishTime.Today(site.Clock);
            // A real (test) personnummer, protected like the enrolment form does: the clinician's patient page decrypts it.
            Assert.True(Smartskola.Core.Patients.Personnummer.TryParse(TestPersonnummer.Next(), true, site.Clock, out var personnummer, out _));
            var protector = sp.GetRequiredService<Smartskola.Core.Patients.PersonnummerProtector>();
            var patient = new Patient
            {
                Id = Guid.NewGuid(), GivenName = "Signe", FamilyName = "Notisdotter", PersonnummerCipher = protector.Protect(personnummer),
                PersonnummerHash = protector.LookupHash(personnummer), PersonnummerMasked = personnummer.Masked, Email = email, EmailVerified = emailVerified,
                Mobile = mobile, MobileVerified = mobileVerified, CareUnitId = unit, UserId = userId, CreatedUtc = now, Version = Guid.NewGuid(),
            };
            var enrolment = new ProgramEnrolment
            {
                Id = Guid.NewGuid(), PatientId = patient.Id, ProgramId = program.Item.ContentItemId, CareUnitId = unit,
                ClinicianId = clinicianId ?? Guid.NewGuid(), StartDate = today.AddDays(-1), PlannedEndDate = today.AddDays(365), Status = status,
                Policy = UnlockPolicyKind.AllAtStart, CreatedUtc = now, LastActiveUtc = now, Version = Guid.NewGuid(),
            };
            db.Patients.Add(patient);
            db.Enrolments.Add(enrolment);
            await db.SaveChangesAsync();
            return new SeededPatient(patient.Id, enrolment.Id, email, mobile, program.Item.ContentItemId);
        });
    }

    public static Task OptInAsync(this SiteFactory site, Guid patientId, bool email = true, bool sms = false,
        NotificationMode mode = NotificationMode.Immediate) =>
        site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            db.PatientSettings.Add(new PatientNotificationSettings
            {
                PatientId = patientId, EmailEnabled = email, SmsEnabled = sms, Mode = mode, UpdatedUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });

    public static Task<NotifyOutcome> NotifyAsync(this SiteFactory site, Guid enrolmentId, string kind, string? key = null) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<IPatientNotifier>()
            .NotifyAsync(new PatientNotification(enrolmentId, kind, key ?? $"test:{kind}:{Guid.NewGuid():N}")));

    public static Task<List<OutboxMail>> OutboxAsync(this SiteFactory site, Guid enrolmentId) =>
        site.WithScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().OutboxMails.AsNoTracking()
            .Where(m => m.EnrolmentId == enrolmentId).OrderBy(m => m.CreatedUtc).ThenBy(m => m.DedupeKey).ToListAsync());

    public static Task SetStatusAsync(this SiteFactory site, Guid enrolmentId, EnrolmentStatus status) =>
        site.EnrolmentDataAsync(db => db.Enrolments.Where(e => e.Id == enrolmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, status)));

    /// <summary>How far to move the clock to reach the next <paramref name="hour"/>:<paramref name="minute"/> Swedish time.</summary>
    public static TimeSpan UntilSwedishTime(this SiteFactory site, int hour, int minute)
    {
        var local = SwedishTime.ToLocal(site.Clock.GetUtcNow().UtcDateTime);
        var target = local.Date.AddHours(hour).AddMinutes(minute);
        return (target > local ? target : target.AddDays(1)) - local;
    }

    /// <summary>Moves the clock by <paramref name="by"/> for the duration of <paramref name="body"/>, and back after it.</summary>
    public static async Task WithClockAdvancedAsync(this SiteFactory site, TimeSpan by, Func<Task> body)
    {
        site.Clock.Advance(by);
        try
        {
            await body();
        }
        finally
        {
            site.Clock.Advance(-by);
        }
    }
}
