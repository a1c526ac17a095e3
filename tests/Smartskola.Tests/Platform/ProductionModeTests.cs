using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Persistence;
using Smartskola.Tests.Infrastructure;
using Smartskola.Users.Data;

namespace Smartskola.Tests.Platform;

/// <summary>The site as it runs in production: no demo accounts, Secure cookies, no developer error pages.</summary>
public sealed class ProductionSite() : SiteFactory(DatabaseProvider.Sqlite)
{
    protected override string EnvironmentName => "Production";

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>
        {
            ["Audit:ChainKey"] = "production-test-key-0123456789",
            ["Patients:PersonnummerKey"] = Convert.ToBase64String(new byte[32]),
        };
}

public sealed class ProductionModeTests(ProductionSite site) : IClassFixture<ProductionSite>
{
    [Fact]
    public async Task No_demo_accounts_exist_in_production()
    {
        var admin = await site.WithScopeAsync(sp => sp.GetRequiredService<UserManager<User>>().FindByEmailAsync(DemoUsers.Admin));
        Assert.Null(admin);
        Assert.NotEqual(Guid.Empty, await site.UnitIdAsync(DemoUsers.UnitNorth)); // the rest of the recipe did run
    }

    [Fact]
    public async Task Cookies_are_Secure_HSTS_is_on_and_errors_show_no_internals()
    {
        // Production runs behind TLS (terminated here or, with forwarded headers, at the proxy).
        using var client = new SiteClient(site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://smartskola.example"), AllowAutoRedirect = false, // HSTS is never sent to localhost
        }));
        var login = await client.GetAsync("/logga-in");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("max-age=", login.Headers.GetValues("Strict-Transport-Security").Single());
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        var missing = await client.ToPageAsync(await client.GetAsync("/fel/500"));
        Assert.Equal(HttpStatusCode.InternalServerError, missing.Status);
        Assert.Contains("Inget av det du redan sparat har gått förlorat", missing.MainText);
    }
}
