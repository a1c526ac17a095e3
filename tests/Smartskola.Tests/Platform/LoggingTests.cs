using Smartskola.Core.Persistence;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Platform;

/// <summary>A site logging everything, including EF Core and ASP.NET Core at Information.</summary>
public sealed class VerboseLoggingSite() : SiteFactory(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
    };
}

public sealed class LoggingTests(VerboseLoggingSite site) : IClassFixture<VerboseLoggingSite>
{
    [Fact]
    public async Task Sign_ins_and_unit_views_leave_no_e_mail_address_or_password_in_the_logs()
    {
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.ClinicianNorth, "fel-lösenord-för-logg");
        await client.LoginAsync(DemoUsers.ClinicianNorth);
        await client.GetAsync($"/admin/enheter/{await site.UnitIdAsync(DemoUsers.UnitNorth)}");

        Assert.NotEmpty(site.Logs.Lines);
        Assert.Contains(site.Logs.Lines, l => l.Contains("/admin/enheter", StringComparison.Ordinal)); // the capture works
        Assert.DoesNotContain(site.Logs.Lines, l => l.Contains("demo.smartskola.se", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(site.Logs.Lines, l => l.Contains("fel-lösenord", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Logs.Lines, l => l.Contains(SiteFactory.DemoPassword, StringComparison.Ordinal));
        Assert.DoesNotContain(site.Logs.Lines, l => l.Contains("Bodil", StringComparison.Ordinal));
    }
}
