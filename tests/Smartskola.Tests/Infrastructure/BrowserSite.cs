using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Persistence;

namespace Smartskola.Tests.Infrastructure;

/// <summary>
/// The site on a real Kestrel port on loopback, for a real browser, with its mail going to a real SMTP server
/// (<see cref="MailSiteFactory.MailServer"/>; sent when a test calls <see cref="SiteFactory.DeliverMailAsync"/>).
/// </summary>
public sealed class BrowserSite : MailSiteFactory
{
    public BrowserSite()
        : base(DatabaseProvider.Sqlite)
    {
        UseKestrel(0);
    }

    public string BaseUrl =>
        Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
}
