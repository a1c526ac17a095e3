using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Mail;
using Smartskola.Core.Security;
using Smartskola.Enrolment.Data;
using Smartskola.Notifications.Data;
using Smartskola.Notifications.Sending;
using Smartskola.Tests.Enrolment;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Notifications;

/// <summary>The pages: the patient's "Inställningar" with address verification, the staff settings and the delivery status.</summary>
public abstract partial class PagesTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : NotificationSiteFactory
{
    private const string Settings = "/program/installningar";

    private Task<Patient> PatientRecordAsync(Guid id) => site.EnrolmentDataAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == id));

    private Task<PatientNotificationSettings?> SettingsRowAsync(Guid patientId) => site.WithScopeAsync(sp =>
        sp.GetRequiredService<NotificationsDbContext>().PatientSettings.AsNoTracking().FirstOrDefaultAsync(s => s.PatientId == patientId));

    [GeneratedRegex(@"\b(\d{6})\b")]
    private static partial Regex Code();

    [Fact]
    public async Task A_patient_verifies_a_new_email_address_with_the_code_from_the_mail_and_then_opts_in()
    {
        var patient = await site.PatientAsync(emailVerified: false, mobileVerified: false);
        using var client = await SignedInAsync(site, patient.AccountEmail);
        var page = await client.GetPageAsync(Settings);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Inställningar", page.Document.QuerySelector("nav.patient-nav")!.TextContent);
        Assert.Contains("inte bekräftad", page.Text("[data-testid=email-state]"));

        // A channel cannot be turned on before its address is verified.
        var refused = await client.SubmitAsync(Settings, new Dictionary<string, string> { ["Input.EmailEnabled"] = "true" }, "form[data-testid=settings-form]");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Bekräfta din e-postadress", (await client.ToPageAsync(refused)).Text("[data-testid=errors]"));
        Assert.Null(await SettingsRowAsync(patient.PatientId));

        var bad = await client.SubmitAsync(Settings, new Dictionary<string, string> { ["address"] = "inte en adress" }, "form[data-testid=email-code-form]");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("namn@exempel.se", (await client.ToPageAsync(bad)).Text("[data-testid=email-error]"));

        var address = $"ny-{Guid.NewGuid():N}@test.smartskola.se";
        var sent = await client.SubmitAsync(Settings, new Dictionary<string, string> { ["address"] = address }, "form[data-testid=email-code-form]");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var record = await PatientRecordAsync(patient.PatientId);
        Assert.Equal((patient.AccountEmail, false), (record.Email, record.EmailVerified)); // unchanged until the code proves the new one
        await site.DeliverMailAsync();
        var mail = await site.MailServer.WaitForMessageAsync(address, TimeSpan.FromSeconds(10));
        var code = Code().Match(mail.Text).Groups[1].Value;
        Assert.Equal(6, code.Length);
        Assert.Empty(await site.MailServer.MessagesToAsync(patient.AccountEmail)); // nothing to the old address

        var wrong = ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var rejected = await client.SubmitAsync(Settings, new Dictionary<string, string> { ["code"] = wrong }, "form[data-testid=email-confirm-form]");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        Assert.Contains("Koden stämmer inte. Du har 4 försök kvar.", (await client.ToPageAsync(rejected)).Text("[data-testid=email-error]"));
        var confirmed = await client.SubmitAsync(Settings, new Dictionary<string, string> { ["code"] = code }, "form[data-testid=email-confirm-form]");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        record = await PatientRecordAsync(patient.PatientId);
        Assert.Equal((address, true), (record.Email, record.EmailVerified));
        page = await client.GetPageAsync(Settings);
        Assert.Contains("bekräftad", page.Text("[data-testid=status]"));
        Assert.Contains($"{address} – bekräftad", page.Text("[data-testid=email-state]"));

        var badTime = await client.SubmitAsync(Settings, new Dictionary<string, string> { ["Input.QuietFrom"] = "25:99" }, "form[data-testid=settings-form]");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badTime.StatusCode);
        // The message is at the field and linked to it, not only in the summary at the top.
        var badPage = await client.ToPageAsync(badTime);
        var quietFrom = badPage.Document.QuerySelector("#quiet-from")!;
        Assert.Equal("true", quietFrom.GetAttribute("aria-invalid"));
        Assert.Equal("Skriv en tid när sms-tystnaden börjar, t.ex. 21:00.", badPage.Text($"#{quietFrom.GetAttribute("aria-describedby")}"));
        Assert.Equal("25:99", quietFrom.GetAttribute("value"));
        Assert.Null(badPage.Document.QuerySelector("#quiet-until")!.GetAttribute("aria-invalid"));
        var saved = await client.SubmitAsync(Settings, new Dictionary<string, string>
        {
            ["Input.EmailEnabled"] = "true", ["Input.Mode"] = "WeeklyDigest", ["Input.QuietFrom"] = "22:00", ["Input.QuietUntil"] = "07:30",
        }, "form[data-testid=settings-form]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = (await SettingsRowAsync(patient.PatientId))!;
        Assert.Equal((true, false, NotificationMode.WeeklyDigest, new TimeOnly(22, 0), new TimeOnly(7, 30)),
            (row.EmailEnabled, row.SmsEnabled, row.Mode, row.QuietFrom, row.QuietUntil));

        // A form opened before someone else's save (another tab) is refused, not saved over it.
        var stale = await client.GetPageAsync(Settings);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(Settings, new Dictionary<string, string> { ["Input.Mode"] = "Immediate" },
            "form[data-testid=settings-form]")).StatusCode);
        var conflict = await client.Http.PostAsync(Settings + "?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = stale.Token,
            ["Input.Version"] = stale.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Version']")!.Value,
            ["Input.EmailEnabled"] = "false", ["Input.Mode"] = "WeeklyDigest", ["Input.QuietFrom"] = "21:00", ["Input.QuietUntil"] = "08:00",
        }));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("ändrades någon annanstans", (await client.ToPageAsync(conflict)).Text("[data-testid=errors]"));
        Assert.Equal((true, NotificationMode.Immediate), ((await SettingsRowAsync(patient.PatientId))!.EmailEnabled, (await SettingsRowAsync(patient.PatientId))!.Mode));
    }

    [Fact]
    public async Task A_code_by_sms_allows_five_attempts_and_then_no_more()
    {
        var patient = await site.PatientAsync(emailVerified: true, mobileVerified: false);
        using var client = await SignedInAsync(site, patient.AccountEmail);
        var mobile = $"070-{Random.Shared.Next(100, 999)} {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(Settings, new Dictionary<string, string> { ["address"] = mobile },
            "form[data-testid=sms-code-form]")).StatusCode);
        var normalized = "+46" + mobile[1..].Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        await site.DeliverMailAsync();
        var sms = Assert.Single(site.Sms.To(normalized));
        var code = Code().Match(sms.Text).Groups[1].Value;
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            var response = await client.SubmitAsync(Settings, new Dictionary<string, string> { ["code"] = wrong }, "form[data-testid=sms-confirm-form]");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        }

        // The form is gone with the attempts; posting the right code anyway is refused.
        var page = await client.GetPageAsync(Settings);
        Assert.Null(page.Document.QuerySelector("form[data-testid=sms-confirm-form]"));
        var late = await client.Http.PostAsync(Settings + "?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.Token, ["channel"] = "sms", ["code"] = code,
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("för många gånger", (await client.ToPageAsync(late)).Text("[data-testid=sms-error]"));
        Assert.False((await PatientRecordAsync(patient.PatientId)).MobileVerified);
    }

    [Fact]
    public async Task The_clinician_sees_sent_and_failed_deliveries_and_another_units_clinician_gets_404()
    {
        var clinicianEmail = await site.CreateUserAsync(Roles.Clinician, DemoUsers.UnitNorth);
        var patient = await site.PatientAsync(clinicianId: await site.UserIdAsync(clinicianEmail));
        await site.OptInAsync(patient.PatientId, email: true, sms: true);
        await site.WithScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().PatientSettings.Where(s => s.PatientId == patient.PatientId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.QuietFrom, new TimeOnly(0, 0)).SetProperty(x => x.QuietUntil, new TimeOnly(0, 0))));
        Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage));

        // The gateway is down for every attempt: the SMS is given up after MailDelivery.MaxAttempts; the e-mail goes out.
        site.Sms.FailWith(503);
        var elapsed = TimeSpan.Zero;
        try
        {
            for (var attempt = 0; attempt < MailDelivery.MaxAttempts; attempt++)
            {
                await site.DeliverMailAsync();
                site.Clock.Advance(TimeSpan.FromHours(25));
                elapsed += TimeSpan.FromHours(25);
            }
        }
        finally
        {
            site.Sms.FailWith(0);
            site.Clock.Advance(-elapsed);
        }

        var rows = await site.OutboxAsync(patient.EnrolmentId);
        Assert.NotNull(rows.Single(r => r.Channel == OutboxChannel.Email).SentUtc);
        Assert.NotNull(rows.Single(r => r.Channel == OutboxChannel.Sms).FailedUtc);

        using var clinician = await SignedInAsync(site, clinicianEmail);
        var url = $"/admin/patienter/{patient.EnrolmentId}/notifieringar";
        var page = await clinician.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var shown = page.Document.QuerySelectorAll("[data-testid=delivery-row]").Select(r => Page.Collapse(r.TextContent)).ToList();
        Assert.Equal(2, shown.Count);
        Assert.Contains(shown, r => r.Contains("Nytt meddelande", StringComparison.Ordinal) && r.Contains("E-post", StringComparison.Ordinal)
            && r.EndsWith("Skickad", StringComparison.Ordinal));
        Assert.Contains(shown, r => r.Contains("Sms", StringComparison.Ordinal) && r.Contains("Misslyckad (SmsGatewayException)", StringComparison.Ordinal));
        Assert.Contains("På", page.Text("[data-testid=choice-sms]"));
        Assert.DoesNotContain(patient.AccountEmail, page.MainText);
        Assert.DoesNotContain(patient.Mobile, page.MainText);
        Assert.NotEmpty(await site.EntriesAsync("patient.notifications.view", patient.EnrolmentId.ToString()));

        var details = await clinician.GetPageAsync($"/admin/patienter/{patient.EnrolmentId}");
        Assert.Contains("Notifieringar", details.Text("[data-testid=enrolment-links]"));
        Assert.Contains("1 misslyckade", details.Text("[data-testid=enrolment-links]"));

        using var east = await SignedInAsync(site, await site.CreateUserAsync(Roles.Clinician, DemoUsers.UnitEast));
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/admin/patienter/{Guid.NewGuid()}/notifieringar")).StatusCode);
    }

    [Fact]
    public async Task Staff_turn_their_notifications_off_and_only_an_administrator_sets_the_program_reminders_within_limits()
    {
        var clinicianEmail = await site.CreateUserAsync(Roles.Clinician, DemoUsers.UnitNorth);
        using var clinician = await SignedInAsync(site, clinicianEmail);
        const string mine = "/admin/installningar/notifieringar";
        var page = await clinician.GetPageAsync(mine);
        Assert.NotNull(page.Document.QuerySelector("input[name=ReceiveNewMessages][checked]"));
        Assert.Equal(HttpStatusCode.Redirect, (await clinician.SubmitAsync(mine, new Dictionary<string, string> { ["ReceiveNewMessages"] = "false" },
            "form[data-testid=staff-settings-form]")).StatusCode);
        var id = await site.UserIdAsync(clinicianEmail);
        Assert.False(await site.WithScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().StaffSettings.Where(s => s.UserId == id)
            .Select(s => s.ReceiveNewMessages).SingleAsync()));
        Assert.Null((await clinician.GetPageAsync(mine)).Document.QuerySelector("input[name=ReceiveNewMessages][checked]"));
        Assert.Equal(0, await site.WithScopeAsync(sp => sp.GetRequiredService<IStaffNotifier>().NewPatientMessageAsync([id], $"message:{Guid.NewGuid():N}")));

        // Program rules reach every unit's patients: administrators set them, a unit manager may not.
        using var unitManager = await SignedInAsync(site, await site.CreateUserAsync(Roles.UnitManager, DemoUsers.UnitNorth));
        const string program = "/admin/notifieringar/program";
        Assert.Equal(HttpStatusCode.Forbidden, (await unitManager.GetAsync(program)).StatusCode);
        using var manager = await SignedInAsync(site, DemoUsers.Admin);
        var tooMany = await manager.SubmitAsync(program, new Dictionary<string, string> { ["WeeklyCap"] = "20" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Contains("mellan 1 och 14", (await manager.ToPageAsync(tooMany)).Text("[data-testid=errors]"));
        // The defaults, saved: other tests of this site count on them.
        var saved = await manager.SubmitAsync(program, new Dictionary<string, string> { ["InactivityDays"] = "7", ["WeeklyCap"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (programId, _) = await site.ProgramAsync();
        var rule = await site.WithScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().ProgramSettings.AsNoTracking().SingleAsync(s => s.ProgramId == programId));
        Assert.Equal((7, 3), (rule.InactivityDays, rule.WeeklyCap));
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync(program)).StatusCode);
    }

    [Fact]
    public async Task Gallring_removes_the_patients_settings_verifications_and_digest_items()
    {
        var patient = await site.PatientAsync();
        await site.OptInAsync(patient.PatientId, email: true, mode: NotificationMode.WeeklyDigest);
        Assert.Equal(NotifyOutcome.HeldForDigest, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage));
        await site.WithScopeAsync(sp => sp.GetRequiredService<Smartskola.Notifications.Preferences.ContactVerifier>()
            .SendCodeAsync(patient.PatientId, OutboxChannel.Email, $"x-{Guid.NewGuid():N}@test.smartskola.se", patient.EnrolmentId));
        var other = await site.PatientAsync();
        await site.OptInAsync(other.PatientId);
        Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(other.EnrolmentId, NotificationKinds.NewMessage));
        await site.WithScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().PatientSettings.Where(s => s.PatientId == patient.PatientId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Mode, NotificationMode.Immediate)));
        Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage));

        await site.WithScopeAsync(async sp =>
        {
            var purger = sp.GetServices<Smartskola.Core.Patients.IPatientDataPurger>().OfType<Smartskola.Notifications.Preferences.NotificationDataPurger>().Single();
            await purger.PurgeAsync(patient.PatientId, null, CancellationToken.None);
            await purger.PurgeAsync(patient.PatientId, null, CancellationToken.None); // idempotent
            return 0;
        });
        var left = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            return (await db.PatientSettings.CountAsync(s => s.PatientId == patient.PatientId), await db.Verifications.CountAsync(v => v.PatientId == patient.PatientId),
                await db.DigestItems.CountAsync(i => i.PatientId == patient.PatientId), await db.PatientSettings.CountAsync(s => s.PatientId == other.PatientId));
        });
        Assert.Equal((0, 0, 0, 1), left);
        // What was still waiting in the outbox for the patient is stopped and keeps no address; another patient's is untouched.
        Assert.All(await site.OutboxAsync(patient.EnrolmentId), m =>
        {
            Assert.Equal(string.Empty, m.To);
            Assert.NotNull(m.FailedUtc);
        });
        Assert.Contains(await site.OutboxAsync(patient.EnrolmentId), m => m.LastError == "Stopped(Purged)");
        Assert.All(await site.OutboxAsync(other.EnrolmentId), m => Assert.Null(m.FailedUtc));
    }
}

public sealed class SqlitePagesTests(SqliteNotificationSite site) : PagesTests<SqliteNotificationSite>(site);

public sealed class PostgresPagesTests(PostgresNotificationSite site) : PagesTests<PostgresNotificationSite>(site);
