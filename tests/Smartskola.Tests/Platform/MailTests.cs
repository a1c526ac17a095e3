using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Mail;
using Smartskola.Core.Persistence;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Infrastructure.OutboxTestData;

namespace Smartskola.Tests.Platform;

public abstract class MailTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : MailSiteFactory
{
    protected TSite Site => site;

    [Fact]
    public async Task A_queued_mail_arrives_at_the_SMTP_server_with_its_Swedish_subject_and_body()
    {
        var to = Address("mottagare");
        var body = "Hej Åsa!\n\nDu är inbjuden till Digitala smärtskolan. Öppna länken för att börja.\n\nVänliga hälsningar\nBehandlaren";
        var key = Key();
        Assert.True(await EnqueueAsync(site, new OutgoingMail(key, to, "Välkommen till smärtskolan – åäö ÅÄÖ", body)));

        Assert.InRange(await site.DeliverMailAsync(), 1, 50); // other tests of this class may have left mail queued

        var received = await site.MailServer.WaitForMessageAsync(to, TimeSpan.FromSeconds(10));
        Assert.Equal("Välkommen till smärtskolan – åäö ÅÄÖ", received.Subject);
        Assert.Equal(body, received.Text.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("noreply@smartskola.local", received.From);
        var row = await site.WithScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().OutboxMails.AsNoTracking().SingleAsync(m => m.DedupeKey == key));
        Assert.NotNull(row.SentUtc);
        Assert.Null(row.ClaimedBy);
        // A sent mail keeps no text (it may hold a one-time link) and no address: only the receipt.
        Assert.Equal(string.Empty, row.Body);
        Assert.Equal(string.Empty, row.To);
        // Sent once only (the site's own background jobs may queue other mail meanwhile, so count ours).
        await site.DeliverMailAsync();
        Assert.Single(await site.MailServer.MessagesToAsync(to));
    }

    [Fact]
    public async Task The_same_dedupe_key_queued_twice_is_sent_once()
    {
        var to = Address("dubblett");
        var key = Key();
        Assert.True(await EnqueueAsync(site, new OutgoingMail(key, to, "Första", "Första texten")));
        Assert.False(await EnqueueAsync(site, new OutgoingMail(key, to, "Andra", "Andra texten")));

        await site.DeliverMailAsync();
        await site.DeliverMailAsync();

        var received = await site.MailServer.MessagesToAsync(to);
        Assert.Equal("Första", Assert.Single(received).Subject);
    }

    [Fact]
    public async Task Queuing_joins_the_callers_transaction_and_a_duplicate_does_not_break_it()
    {
        string committed = Address("commit"), second = Address("commit2"), rolledBack = Address("rollback");
        var key = Key();
        await site.WithScopeAsync(async sp =>
        {
            var connection = sp.GetRequiredService<SharedDbConnection>();
            var outbox = sp.GetRequiredService<IMailOutbox>();
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                Assert.True(await outbox.EnqueueAsync(new OutgoingMail(key, committed, "Ämne", "Text")));
                Assert.False(await outbox.EnqueueAsync(new OutgoingMail(key, committed, "Ämne", "Text")));
                // On PostgreSQL an error would have aborted the transaction; the next statement shows it did not.
                Assert.True(await outbox.EnqueueAsync(new OutgoingMail(Key(), second, "Ämne", "Text")));
                await transaction.CommitAsync();
            }

            await using (await connection.BeginTransactionAsync())
            {
                Assert.True(await outbox.EnqueueAsync(new OutgoingMail(Key(), rolledBack, "Ämne", "Text")));
            }

            return 0;
        });

        var recipients = await site.WithScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().OutboxMails
            .Where(m => m.To == committed || m.To == second || m.To == rolledBack).Select(m => m.To).ToListAsync());
        Assert.Equal([committed, second], recipients.Order().ToList());
    }

    [Fact]
    public async Task An_unreachable_SMTP_server_leaves_the_mail_queued_for_later_and_the_logs_without_the_recipient()
    {
        await using var unreachable = site.WithWebHostBuilder(b => b.UseSetting("Mail:Port", $"{ClosedPort()}"));
        var to = Address("hemlig.mottagare");
        await using (var scope = unreachable.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<IMailOutbox>()
                .EnqueueAsync(new OutgoingMail(Key(), to, "Hemligt ämne", "Hemlig text")));
        }

        await using (var scope = unreachable.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<MailDelivery>().DeliverDueAsync());
        }

        var row = await RowAsync(site, to);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.SentUtc);
        Assert.Null(row.FailedUtc);
        Assert.Null(row.ClaimedBy);
        Assert.Equal(site.Clock.GetUtcNow().UtcDateTime + MailDelivery.RetryDelay(1), row.NextAttemptUtc, TimeSpan.FromSeconds(1));
        Assert.StartsWith("SmtpException", row.LastError);
        Assert.DoesNotContain(to, row.LastError!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(site.Logs.Lines, l => l.Contains(row.Id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(site.Logs.Lines, l => l.Contains(to, StringComparison.OrdinalIgnoreCase)
            || l.Contains("Hemlig", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await site.MailServer.MessagesToAsync(to));
    }

    [Fact]
    public async Task The_background_dispatcher_sends_queued_mail_by_itself()
    {
        await using var running = site.WithWebHostBuilder(b => b.UseSetting("Mail:Enabled", "true"));
        var to = Address("bakgrund");
        await using var scope = running.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<IMailOutbox>()
            .EnqueueAsync(new OutgoingMail(Key(), to, "Påminnelse", "Glöm inte modul 2.")));

        var received = await site.MailServer.WaitForMessageAsync(to, TimeSpan.FromSeconds(20));

        Assert.Equal("Påminnelse", received.Subject);
    }

    private static Task<OutboxMail> RowAsync(SiteFactory target, string to) =>
        target.WithScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().OutboxMails.AsNoTracking().SingleAsync(m => m.To == to));

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed: connections are refused
    }
}

public sealed class MailTestsSqlite(SqliteMailSite site) : MailTests<SqliteMailSite>(site);

public sealed class MailTestsPostgres(PostgresMailSite site) : MailTests<PostgresMailSite>(site)
{
    [Fact]
    public async Task Two_instances_on_one_database_send_each_mail_exactly_once()
    {
        await using var other = SiteFactory.OnSameDatabase(Site);
        await ((IAsyncLifetime)other).InitializeAsync();
        other.Clock.Advance(Site.Clock.GetUtcNow() - other.Clock.GetUtcNow());

        // Both instances queue the same key at once: the unique index lets exactly one in.
        var sharedKey = Key();
        var shared = Address("samtidig");
        var queued = await Task.WhenAll(
            EnqueueAsync(Site, new OutgoingMail(sharedKey, shared, "Samma", "Samma")),
            EnqueueAsync(other, new OutgoingMail(sharedKey, shared, "Samma", "Samma")));
        Assert.Single(queued, q => q);

        var recipients = Enumerable.Range(0, 30).Select(i => Address($"par{i}")).ToList();
        foreach (var (to, i) in recipients.Select((to, i) => (to, i)))
        {
            Assert.True(await EnqueueAsync(i % 2 == 0 ? Site : other, new OutgoingMail(Key(), to, $"Brev {i}", $"Text {i}")));
        }

        var sent = await Task.WhenAll(Site.DeliverMailAsync(), other.DeliverMailAsync(), Site.DeliverMailAsync(), other.DeliverMailAsync());

        Assert.True(sent.Sum() >= recipients.Count + 1, $"sent {sent.Sum()}");
        foreach (var to in recipients.Append(shared))
        {
            Assert.Single(await Site.MailServer.MessagesToAsync(to));
        }
    }
}
