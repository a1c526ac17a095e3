using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Mail;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;
using Smartskola.Notifications.Data;
using Smartskola.Notifications.Sending;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Notifications;

/// <summary>
/// A notification is checked again when it is about to leave: what changed after it was queued (the program ended or
/// paused, the patient turned the channel off, the quiet hours began) stops or holds it.
/// </summary>
public abstract class SendGuardTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : NotificationSiteFactory
{
    [Fact]
    public async Task A_notification_queued_before_the_program_ended_is_stopped_and_keeps_no_address()
    {
        var patient = await site.PatientAsync();
        await site.OptInAsync(patient.PatientId, email: true, sms: true);
        await site.WithClockAdvancedAsync(site.UntilSwedishTime(12, 0), async () =>
        {
            Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage));
            await site.SetStatusAsync(patient.EnrolmentId, EnrolmentStatus.Ended);
            await site.DeliverMailAsync();
        });

        var rows = await site.OutboxAsync(patient.EnrolmentId);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Null(r.SentUtc);
            Assert.NotNull(r.FailedUtc);
            Assert.Equal("Stopped(NotActive)", r.LastError);
            Assert.Equal(string.Empty, r.To);
            Assert.Equal(string.Empty, r.Body);
        });
        Assert.Empty(await site.MailServer.MessagesToAsync(patient.AccountEmail));
        Assert.Empty(site.Sms.To(patient.Mobile));
    }

    [Fact]
    public async Task A_reminder_queued_before_maintenance_mode_is_stopped_while_a_message_still_goes_out()
    {
        var patient = await site.PatientAsync();
        await site.OptInAsync(patient.PatientId, email: true);
        Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.Inactivity));
        await site.SetStatusAsync(patient.EnrolmentId, EnrolmentStatus.Maintenance);
        Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage));

        await site.DeliverMailAsync();

        var rows = await site.OutboxAsync(patient.EnrolmentId);
        Assert.Equal("Stopped(NotActive)", Assert.Single(rows, r => r.Kind == NotificationKinds.Inactivity).LastError);
        Assert.NotNull(Assert.Single(rows, r => r.Kind == NotificationKinds.NewMessage).SentUtc);
        Assert.Contains("nytt meddelande", Assert.Single(await site.MailServer.MessagesToAsync(patient.AccountEmail)).Text);
    }

    [Fact]
    public async Task Turning_a_channel_off_stops_what_was_already_queued_on_it()
    {
        var patient = await site.PatientAsync();
        await site.OptInAsync(patient.PatientId, email: true);
        Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage));
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            var settings = db.PatientSettings.Single(s => s.PatientId == patient.PatientId);
            settings.EmailEnabled = false;
            return await db.SaveChangesAsync();
        });

        await site.DeliverMailAsync();

        Assert.Equal("Stopped(OptedOut)", Assert.Single(await site.OutboxAsync(patient.EnrolmentId)).LastError);
        Assert.Empty(await site.MailServer.MessagesToAsync(patient.AccountEmail));
    }

    [Fact]
    public async Task An_SMS_whose_retry_falls_in_the_quiet_hours_waits_until_they_end()
    {
        var patient = await site.PatientAsync();
        await site.OptInAsync(patient.PatientId, email: false, sms: true);
        site.Sms.FailWith(503);
        try
        {
            await site.WithClockAdvancedAsync(site.UntilSwedishTime(20, 59), async () =>
            {
                Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage));
                await site.DeliverMailAsync(); // fails at 20:59; the retry is due at 21:00, in the quiet hours
                site.Sms.FailWith(0);
                site.Clock.Advance(MailDelivery.RetryDelay(1));
                try
                {
                    await site.DeliverMailAsync();
                }
                finally
                {
                    site.Clock.Advance(-MailDelivery.RetryDelay(1));
                }
            });
        }
        finally
        {
            site.Sms.FailWith(0);
        }

        var row = Assert.Single(await site.OutboxAsync(patient.EnrolmentId));
        Assert.Null(row.SentUtc);
        Assert.Equal(1, row.Attempts);
        var due = SwedishTime.ToLocal(row.NextAttemptUtc);
        Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(due));
        Assert.Empty(site.Sms.To(patient.Mobile));
    }
}

public sealed class SqliteSendGuardTests(SqliteNotificationSite site) : SendGuardTests<SqliteNotificationSite>(site);

public sealed class PostgresSendGuardTests(PostgresNotificationSite site) : SendGuardTests<PostgresNotificationSite>(site);
