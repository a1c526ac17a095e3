using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Mail;
using Smartskola.Core.Persistence;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Infrastructure.OutboxTestData;

namespace Smartskola.Tests.Platform;

/// <summary>
/// The outbox as a notification channel: e-mail through a real SMTP server that the test switches off and on, SMS
/// through a fake HTTP gateway (the one boundary we cannot run), retries with back-off, and failures flagged.
/// </summary>
public abstract class OutboxDeliveryTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : NotificationSiteFactory
{
    /// <summary>Not a patient notification kind, so the notifications' send guard leaves these rows alone.</summary>
    protected const string TestKind = "outbox-test";

    protected const string Notice = "Du har ett nytt meddelande i Digitala smärtskolan. Logga in för att läsa det.";

    protected TSite Site => site;

    [Fact]
    public async Task While_the_SMTP_server_is_down_notifications_wait_retry_with_back_off_and_go_out_once_when_it_is_back()
    {
        var enrolment = Guid.NewGuid();
        var recipients = Enumerable.Range(0, 3).Select(i => Address($"nere{i}")).ToList();
        site.Smtp.Down();
        try
        {
            foreach (var to in recipients)
            {
                Assert.True(await EnqueueAsync(site, new OutgoingMail(Key(), to, "Nytt meddelande", Notice) { EnrolmentId = enrolment, Kind = TestKind }));
            }

            var queuedAt = site.Clock.GetUtcNow().UtcDateTime;
            await site.DeliverMailAsync();
            var rows = await RowsAsync(site, enrolment);
            Assert.All(rows, r =>
            {
                Assert.Null(r.SentUtc);
                Assert.Equal(1, r.Attempts);
                Assert.Equal("SmtpException(GeneralFailure)/SocketException(ConnectionRefused)", r.LastError);
                Assert.Equal(queuedAt + MailDelivery.RetryDelay(1), r.NextAttemptUtc, TimeSpan.FromMilliseconds(1));
            });

            await site.DeliverMailAsync(); // the back-off holds: no new attempt yet
            Assert.All(await RowsAsync(site, enrolment), r => Assert.Equal(1, r.Attempts));

            site.Clock.Advance(MailDelivery.RetryDelay(1));
            await site.DeliverMailAsync();
            Assert.All(await RowsAsync(site, enrolment), r => Assert.Equal(2, r.Attempts));

            site.Smtp.Up();
            await site.DeliverMailAsync(); // back, but the next attempt is not due yet
            Assert.All(await RowsAsync(site, enrolment), r => Assert.Null(r.SentUtc));

            site.Clock.Advance(MailDelivery.RetryDelay(2));
            await site.DeliverMailAsync();
            await site.DeliverMailAsync();
            site.Clock.Advance(TimeSpan.FromHours(1));
            await site.DeliverMailAsync();
        }
        finally
        {
            site.Smtp.Up();
        }

        Assert.All(await RowsAsync(site, enrolment), r =>
        {
            Assert.NotNull(r.SentUtc);
            Assert.Null(r.FailedUtc);
            Assert.Equal(string.Empty, r.Body);
        });
        foreach (var to in recipients)
        {
            var mail = Assert.Single(await site.MailServer.MessagesToAsync(to));
            Assert.Equal(Notice, mail.Text.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_SMS_reaches_the_gateway_once_with_only_the_notice_text()
    {
        var mobile = Mobile();
        var enrolment = Guid.NewGuid();
        Assert.True(await EnqueueAsync(site, OutgoingMail.Sms(Key(), mobile, Notice) with { EnrolmentId = enrolment, Kind = TestKind }));

        await site.DeliverMailAsync();
        await site.DeliverMailAsync();

        var sms = Assert.Single(site.Sms.To(mobile));
        Assert.Equal(Notice, sms.Text);
        Assert.Equal("Smartskola", sms.From);
        Assert.Equal("Bearer test-key", sms.Authorization);
        var row = Assert.Single(await RowsAsync(site, enrolment));
        Assert.Equal(OutboxChannel.Sms, row.Channel);
        Assert.NotNull(row.SentUtc);
        Assert.Equal(string.Empty, row.To); // a receipt only: no number kept
    }

    [Fact]
    public async Task A_gateway_that_keeps_failing_is_retried_with_back_off_and_the_SMS_is_flagged_failed_after_the_last_attempt()
    {
        var mobile = Mobile();
        var enrolment = Guid.NewGuid();
        site.Sms.FailWith(503);
        try
        {
            Assert.True(await EnqueueAsync(site, OutgoingMail.Sms(Key(), mobile, Notice) with { EnrolmentId = enrolment, Kind = TestKind }));
            for (var attempt = 1; attempt <= MailDelivery.MaxAttempts; attempt++)
            {
                await site.DeliverMailAsync();
                var row = Assert.Single(await RowsAsync(site, enrolment));
                Assert.Equal(attempt, row.Attempts);
                Assert.Equal("SmsGatewayException(503)", row.LastError);
                Assert.Equal(attempt == MailDelivery.MaxAttempts, row.FailedUtc is not null);
                site.Clock.Advance(MailDelivery.RetryDelay(attempt));
            }

            await site.DeliverMailAsync(); // given up: no ninth attempt
            Assert.Equal(MailDelivery.MaxAttempts, Assert.Single(await RowsAsync(site, enrolment)).Attempts);
        }
        finally
        {
            site.Sms.FailWith(0);
        }

        Assert.Empty(site.Sms.To(mobile));
    }

    [Fact]
    public async Task A_notification_held_until_the_end_of_quiet_hours_is_not_sent_before_then()
    {
        var mobile = Mobile();
        var enrolment = Guid.NewGuid();
        var later = site.Clock.GetUtcNow().UtcDateTime.AddHours(3);
        Assert.True(await EnqueueAsync(site, OutgoingMail.Sms(Key(), mobile, Notice) with { EnrolmentId = enrolment, NotBeforeUtc = later }));

        await site.DeliverMailAsync();
        Assert.Empty(site.Sms.To(mobile));

        site.Clock.Advance(TimeSpan.FromHours(3));
        await site.DeliverMailAsync();
        Assert.Single(site.Sms.To(mobile));
    }

    protected static string Mobile() => "+4670" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected static Task<List<OutboxMail>> RowsAsync(SiteFactory target, Guid enrolmentId) =>
        target.WithScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().OutboxMails.AsNoTracking()
            .Where(m => m.EnrolmentId == enrolmentId).ToListAsync());
}

public sealed class OutboxDeliveryTestsSqlite(SqliteNotificationSite site) : OutboxDeliveryTests<SqliteNotificationSite>(site);

public sealed class OutboxDeliveryTestsPostgres(PostgresNotificationSite site) : OutboxDeliveryTests<PostgresNotificationSite>(site)
{
    [Fact]
    public async Task Two_instances_on_one_PostgreSQL_send_1000_queued_notifications_each_exactly_once()
    {
        await using var other = SiteFactory.OnSameDatabase(Site);
        await ((IAsyncLifetime)other).InitializeAsync();
        other.Clock.Advance(Site.Clock.GetUtcNow() - other.Clock.GetUtcNow());

        var enrolment = Guid.NewGuid();
        var emails = Enumerable.Range(0, 800).Select(i => Address($"tusen{i}")).ToList();
        var mobiles = Enumerable.Range(0, 200).Select(_ => Mobile()).Distinct().ToList();
        await Site.WithScopeAsync(async sp =>
        {
            var outbox = sp.GetRequiredService<IMailOutbox>();
            foreach (var to in emails)
            {
                Assert.True(await outbox.EnqueueAsync(new OutgoingMail(Key(), to, "Nytt meddelande", Notice) { EnrolmentId = enrolment, Kind = TestKind }));
            }

            foreach (var mobile in mobiles)
            {
                Assert.True(await outbox.EnqueueAsync(OutgoingMail.Sms(Key(), mobile, Notice) with { EnrolmentId = enrolment, Kind = TestKind }));
            }

            return 0;
        });

        // Both instances send at the same time, each in two parallel loops, until all 1,000 are out.
        async Task<int> DrainAsync(SiteFactory instance)
        {
            var total = 0;
            for (var round = 0; round < 200; round++)
            {
                var sent = await instance.DeliverMailAsync();
                total += sent;
                if (sent == 0 && (await RowsAsync(instance, enrolment)).All(r => r.SentUtc is not null))
                {
                    break;
                }
            }

            return total;
        }

        var counts = await Task.WhenAll(DrainAsync(Site), DrainAsync(other), DrainAsync(Site), DrainAsync(other));

        var rows = await RowsAsync(Site, enrolment);
        Assert.Equal(emails.Count + mobiles.Count, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.SentUtc));
        Assert.InRange(counts.Sum(), rows.Count, rows.Count + 50); // background mail of the sites may be counted too
        var received = await Site.MailServer.AllMessagesAsync();
        Assert.All(emails, to => Assert.Single(received[to.ToLowerInvariant()]));
        Assert.All(mobiles, mobile => Assert.Single(Site.Sms.To(mobile)));
    }
}
