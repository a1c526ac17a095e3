using Smartskola.Core.Persistence;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Notifications;

/// <summary>
/// A site with real SMTP (maildev) and the fake SMS gateway, whose background jobs (mail, reminders, forms, lifecycle)
/// run only when a test calls them, so the tests decide when time passes and what is sent.
/// </summary>
public abstract class NotificationsSite(DatabaseProvider provider) : MailSiteFactory(provider)
{
    private FakeSmsGateway? _sms;

    public FakeSmsGateway Sms => _sms ?? throw new InvalidOperationException("The SMS gateway starts with the site.");

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>(base.Settings)
            {
                ["Sms:Endpoint"] = Sms.Endpoint,
                ["Notifications:Reminders:Enabled"] = "false",
                ["Forms:Reminders:Enabled"] = "false",
                ["Lifecycle:Enabled"] = "false",
            };
            return settings;
        }
    }

    protected override async Task StartDependenciesAsync()
    {
        await base.StartDependenciesAsync();
        _sms = await FakeSmsGateway.StartAsync();
    }

    protected override async ValueTask StopDependenciesAsync()
    {
        if (_sms is not null)
        {
            await _sms.DisposeAsync();
        }

        await base.StopDependenciesAsync();
    }
}

public sealed class SqliteNotificationsSite() : NotificationsSite(DatabaseProvider.Sqlite);

public sealed class PostgresNotificationsSite() : NotificationsSite(DatabaseProvider.Postgres);
