using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Mail;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;
using Smartskola.Notifications.Data;
using Smartskola.Notifications.Sending;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Notifications;

/// <summary>The rules of IPatientNotifier one by one, and what actually arrives by e-mail (maildev) and SMS (fake gateway).</summary>
public abstract class NotifierTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : NotificationSiteFactory
{
    [Fact]
    public async Task Nothing_is_sent_without_an_opt_in_or_to_an_unverified_address()
    {
        var none = await site.PatientAsync();
        Assert.Equal(NotifyOutcome.NotOptedIn, await site.NotifyAsync(none.EnrolmentId, NotificationKinds.NewMessage));

        var unverified = await site.PatientAsync(emailVerified: false, mobileVerified: false);
        await site.OptInAsync(unverified.PatientId, email: true, sms: true);
        Assert.Equal(NotifyOutcome.NotOptedIn, await site.NotifyAsync(unverified.EnrolmentId, NotificationKinds.NewMessage));

        var smsOnlyVerified = await site.PatientAsync(emailVerified: false, mobileVerified: true);
        await site.OptInAsync(smsOnlyVerified.PatientId, email: true, sms: false);
        Assert.Equal(NotifyOutcome.NotOptedIn, await site.NotifyAsync(smsOnlyVerified.EnrolmentId, NotificationKinds.NewMessage));

        Assert.Empty(await site.OutboxAsync(none.EnrolmentId));
        Assert.Empty(await site.OutboxAsync(unverified.EnrolmentId));
        Assert.Empty(await site.OutboxAsync(smsOnlyVerified.EnrolmentId));
    }

    [Fact]
    public async Task An_opted_in_patient_gets_exactly_one_email_without_the_message_text_and_a_repeat_is_already_done()
    {
        var patient = await site.PatientAsync();
        await site.OptInAsync(patient.PatientId, email: true);
        var key = $"message:{Guid.NewGuid():N}";
        Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage, key));
        Assert.Equal(NotifyOutcome.AlreadyDone, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage, key));

        var row = Assert.Single(await site.OutboxAsync(patient.EnrolmentId));
        Assert.Equal((OutboxChannel.Email, NotificationKinds.NewMessage, $"{key}:email"), (row.Channel, row.Kind, row.DedupeKey));
        await site.DeliverMailAsync();
        var mail = await site.MailServer.WaitForMessageAsync(patient.AccountEmail, TimeSpan.FromSeconds(10));
        Assert.Contains("Du har ett nytt meddelande i Digitala smärtskolan", mail.Text);
        Assert.DoesNotContain("Signe", mail.Subject + mail.Text);
        Assert.DoesNotContain("Notisdotter", mail.Subject + mail.Text);
        await site.DeliverMailAsync();
        Assert.Single(await site.MailServer.MessagesToAsync(patient.AccountEmail));
    }

    [Fact]
    public async Task Reminders_need_an_active_enrolment_while_messages_also_reach_maintenance_and_nothing_reaches_an_ended_one()
    {
        var maintenance = await site.PatientAsync(status: EnrolmentStatus.Maintenance);
        await site.OptInAsync(maintenance.PatientId);
        foreach (var kind in new[] { NotificationKinds.Inactivity, NotificationKinds.FormDue, NotificationKinds.ModuleOpened })
        {
            Assert.Equal(NotifyOutcome.NotActive, await site.NotifyAsync(maintenance.EnrolmentId, kind));
        }

        // What the care team sends on purpose (a message, a follow-up form) still reaches a patient in maintenance mode.
        Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(maintenance.EnrolmentId, NotificationKinds.NewMessage));
        Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(maintenance.EnrolmentId, NotificationKinds.FormNew));
        Assert.Equal([NotificationKinds.FormNew, NotificationKinds.NewMessage],
            (await site.OutboxAsync(maintenance.EnrolmentId)).Select(m => m.Kind).Order(StringComparer.Ordinal));

        var ended = await site.PatientAsync(status: EnrolmentStatus.Ended);
        await site.OptInAsync(ended.PatientId);
        Assert.Equal(NotifyOutcome.NotActive, await site.NotifyAsync(ended.EnrolmentId, NotificationKinds.NewMessage));
        Assert.Equal(NotifyOutcome.NotActive, await site.NotifyAsync(Guid.NewGuid(), NotificationKinds.NewMessage));
        Assert.Empty(await site.OutboxAsync(ended.EnrolmentId));
    }

    [Fact]
    public async Task The_weekly_cap_stops_the_fourth_reminder_but_never_a_message()
    {
        var patient = await site.PatientAsync();
        await site.OptInAsync(patient.PatientId, email: true, sms: true);
        for (var i = 0; i < ProgramReminderSettings.DefaultWeeklyCap; i++)
        {
            Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.FormDue));
        }

        Assert.Equal(NotifyOutcome.CapReached, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.Inactivity));
        Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage));
        var rows = await site.OutboxAsync(patient.EnrolmentId);
        // Two channels each: the cap counts notifications, not rows.
        Assert.Equal(2 * ProgramReminderSettings.DefaultWeeklyCap, rows.Count(r => r.Kind == NotificationKinds.FormDue));
        Assert.DoesNotContain(rows, r => r.Kind == NotificationKinds.Inactivity);
    }

    [Fact]
    public async Task An_sms_in_the_quiet_hours_waits_until_eight_swedish_time_while_the_email_goes_at_once()
    {
        var patient = await site.PatientAsync();
        await site.OptInAsync(patient.PatientId, email: true, sms: true);
        // To 22:30 Swedish time tonight (or tomorrow night if it is later already).
        var untilEvening = site.UntilSwedishTime(22, 30);
        var target = SwedishTime.ToLocal(site.Clock.GetUtcNow().UtcDateTime) + untilEvening;

        await site.WithClockAdvancedAsync(untilEvening, async () =>
        {
            Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage));
            var rows = await site.OutboxAsync(patient.EnrolmentId);
            var now = site.Clock.GetUtcNow().UtcDateTime;
            var email = rows.Single(r => r.Channel == OutboxChannel.Email);
            var sms = rows.Single(r => r.Channel == OutboxChannel.Sms);
            Assert.True(email.NextAttemptUtc <= now);
            Assert.Equal(target.Date.AddDays(1).AddHours(8), SwedishTime.ToLocal(sms.NextAttemptUtc));

            await site.DeliverMailAsync();
            Assert.Empty(site.Sms.To(patient.Mobile));
        });
    }

    [Fact]
    public async Task The_sms_goes_through_the_gateway_once_and_says_only_that_a_message_waits()
    {
        var patient = await site.PatientAsync();
        await site.OptInAsync(patient.PatientId, email: false, sms: true);
        var key = $"message:{Guid.NewGuid():N}";
        // Outside any quiet hours: from == until means none.
        await site.WithScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().PatientSettings.Where(s => s.PatientId == patient.PatientId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.QuietFrom, new TimeOnly(0, 0)).SetProperty(x => x.QuietUntil, new TimeOnly(0, 0))));
        Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage, key));
        Assert.Equal(NotifyOutcome.AlreadyDone, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage, key));

        await site.DeliverMailAsync();
        await site.DeliverMailAsync();
        var sms = Assert.Single(site.Sms.To(patient.Mobile));
        Assert.StartsWith("Du har ett nytt meddelande i Digitala smärtskolan.", sms.Text);
        Assert.DoesNotContain("Signe", sms.Text);
        var row = Assert.Single(await site.OutboxAsync(patient.EnrolmentId));
        Assert.NotNull(row.SentUtc);
        Assert.Equal(string.Empty, row.Body); // only the receipt is kept
    }

    [Fact]
    public async Task In_weekly_digest_mode_events_are_held_and_one_digest_goes_out_the_next_week()
    {
        var patient = await site.PatientAsync();
        await site.OptInAsync(patient.PatientId, email: true, mode: NotificationMode.WeeklyDigest);
        Assert.Equal(NotifyOutcome.HeldForDigest, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage));
        Assert.Equal(NotifyOutcome.HeldForDigest, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.FormNew));
        Assert.Empty(await site.OutboxAsync(patient.EnrolmentId));
        var job = () => site.WithScopeAsync(sp => sp.GetRequiredService<Smartskola.Notifications.Reminders.ReminderJob>().RunAsync(CancellationToken.None));
        await job();
        Assert.Empty(await site.OutboxAsync(patient.EnrolmentId)); // held until the week is over

        await site.WithClockAdvancedAsync(TimeSpan.FromDays(7), async () =>
        {
            await job();
            await job();
            var digest = Assert.Single(await site.OutboxAsync(patient.EnrolmentId), r => r.Kind == NotificationKinds.Digest);
            Assert.StartsWith($"digest:{patient.PatientId:N}:", digest.DedupeKey);
            // The two from last week went out in it (an inactivity reminder held during this run waits for the next digest).
            var held = await site.WithScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().DigestItems.AsNoTracking()
                .Where(i => i.PatientId == patient.PatientId && (i.Kind == NotificationKinds.NewMessage || i.Kind == NotificationKinds.FormNew))
                .ToListAsync());
            Assert.Equal(2, held.Count);
            Assert.All(held, i => Assert.NotNull(i.DigestedUtc));
        });
    }

    [Fact]
    public async Task While_the_smtp_server_is_down_the_notification_waits_is_retried_and_goes_out_once_when_it_is_back()
    {
        var patient = await site.PatientAsync();
        await site.OptInAsync(patient.PatientId, email: true);
        Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage));

        // "Down": the same delivery code against a port nobody listens on (connection refused).
        int deadPort;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            deadPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var down = Microsoft.Extensions.Options.Options.Create(new MailOptions { Host = "127.0.0.1", Port = deadPort, Timeout = TimeSpan.FromSeconds(5) });
        Assert.Equal(0, await site.WithScopeAsync(sp => ActivatorUtilities.CreateInstance<MailDelivery>(sp, down).DeliverDueAsync()));
        var waiting = Assert.Single(await site.OutboxAsync(patient.EnrolmentId));
        Assert.Equal(1, waiting.Attempts);
        Assert.Null(waiting.SentUtc);
        Assert.StartsWith("SmtpException", waiting.LastError);
        Assert.Empty(await site.MailServer.MessagesToAsync(patient.AccountEmail));

        // Back, but the retry is not due yet; a minute later it goes out, once.
        await site.DeliverMailAsync();
        Assert.Null(Assert.Single(await site.OutboxAsync(patient.EnrolmentId)).SentUtc);
        await site.WithClockAdvancedAsync(MailDelivery.RetryDelay(1) + TimeSpan.FromSeconds(1), async () =>
        {
            await site.DeliverMailAsync();
            await site.DeliverMailAsync();
        });
        await site.MailServer.WaitForMessageAsync(patient.AccountEmail, TimeSpan.FromSeconds(10));
        Assert.Single(await site.MailServer.MessagesToAsync(patient.AccountEmail));
        Assert.NotNull(Assert.Single(await site.OutboxAsync(patient.EnrolmentId)).SentUtc);
    }

    [Fact]
    public async Task Staff_are_mailed_without_patient_details_unless_they_turned_it_off()
    {
        var on = await site.CreateUserAsync(Smartskola.Core.Security.Roles.Clinician, DemoUsers.UnitNorth);
        var off = await site.CreateUserAsync(Smartskola.Core.Security.Roles.Clinician, DemoUsers.UnitNorth);
        var onId = await Smartskola.Tests.Enrolment.EnrolmentSeed.UserIdAsync(site, on);
        var offId = await Smartskola.Tests.Enrolment.EnrolmentSeed.UserIdAsync(site, off);
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            db.StaffSettings.Add(new StaffNotificationSettings { UserId = offId, ReceiveNewMessages = false, Version = Guid.NewGuid() });
            return await db.SaveChangesAsync();
        });
        var key = $"message:{Guid.NewGuid():N}";
        var notified = await site.WithScopeAsync(sp => sp.GetRequiredService<IStaffNotifier>().NewPatientMessageAsync([onId, offId], key));
        Assert.Equal(1, notified);
        Assert.Equal(0, await site.WithScopeAsync(sp => sp.GetRequiredService<IStaffNotifier>().NewPatientMessageAsync([onId, offId], key)));
        await site.DeliverMailAsync();
        var mail = await site.MailServer.WaitForMessageAsync(on, TimeSpan.FromSeconds(10));
        Assert.Contains("En patient har skrivit ett nytt meddelande", mail.Text);
        Assert.Empty(await site.MailServer.MessagesToAsync(off));
    }
}

public sealed class SqliteNotifierTests(SqliteNotificationSite site) : NotifierTests<SqliteNotificationSite>(site);

public sealed class PostgresNotifierTests(PostgresNotificationSite site) : NotifierTests<PostgresNotificationSite>(site);
