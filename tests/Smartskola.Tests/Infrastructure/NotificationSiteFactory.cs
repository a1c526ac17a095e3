using Smartskola.Core.Persistence;

namespace Smartskola.Tests.Infrastructure;

/// <summary>
/// A <see cref="MailSiteFactory"/> whose SMTP traffic passes an <see cref="SmtpSwitch"/> (so a test can take the mail
/// server down and bring it back) and whose SMS go to a <see cref="FakeSmsGateway"/>. Its background jobs (reminders,
/// forms, lifecycle) run only when a test calls them, so the tests decide when time passes and what is sent.
/// </summary>
public abstract class NotificationSiteFactory(DatabaseProvider provider) : MailSiteFactory(provider)
{
    private SmtpSwitch? _smtp;
    private FakeSmsGateway? _sms;

    public SmtpSwitch Smtp => _smtp ?? throw new InvalidOperationException("Started with the site.");

    public FakeSmsGateway Sms => _sms ?? throw new InvalidOperationException("Started with the site.");

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>(base.Settings)
            {
                ["Mail:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:Timeout"] = "00:00:05",
                ["Sms:Endpoint"] = Sms.Endpoint,
                ["Sms:ApiKey"] = "test-key",
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
        _smtp = SmtpSwitch.Start(MailServer);
        _sms = await FakeSmsGateway.StartAsync();
    }

    protected override async ValueTask StopDependenciesAsync()
    {
        if (_sms is not null)
        {
            await _sms.DisposeAsync();
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }

        await base.StopDependenciesAsync();
    }
}

public sealed class SqliteNotificationSite() : NotificationSiteFactory(DatabaseProvider.Sqlite);

public sealed class PostgresNotificationSite() : NotificationSiteFactory(DatabaseProvider.Postgres);
