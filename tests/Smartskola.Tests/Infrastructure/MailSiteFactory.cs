using Smartskola.Core.Persistence;

namespace Smartskola.Tests.Infrastructure;

/// <summary>
/// A site whose mail goes to a real SMTP server (<see cref="MailServer"/>, maildev) started for it. Background
/// sending is off unless <see cref="SendInBackground"/>: tests send with <see cref="SiteFactory.DeliverMailAsync"/>.
/// </summary>
public abstract class MailSiteFactory(DatabaseProvider provider) : SiteFactory(provider)
{
    private MailServer? _mailServer;

    public MailServer MailServer => _mailServer ?? throw new InvalidOperationException("The mail server starts with the site.");

    /// <summary>True: the site's dispatcher sends every 200 ms, as it would in production every 30 s.</summary>
    protected virtual bool SendInBackground => false;

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = MailSettings(MailServer);
            settings["Mail:Enabled"] = SendInBackground ? "true" : "false";
            settings["Mail:PollInterval"] = "00:00:00.200";
            return settings;
        }
    }

    protected override async Task StartDependenciesAsync() => _mailServer = await MailServer.StartAsync();

    protected override async ValueTask StopDependenciesAsync()
    {
        if (_mailServer is not null)
        {
            await _mailServer.DisposeAsync();
        }
    }
}

public sealed class SqliteMailSite() : MailSiteFactory(DatabaseProvider.Sqlite);

public sealed class PostgresMailSite() : MailSiteFactory(DatabaseProvider.Postgres);
