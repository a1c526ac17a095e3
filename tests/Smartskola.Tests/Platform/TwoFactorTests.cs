using System.Net;
using Smartskola.Core.Persistence;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Platform;

public abstract class TwoFactorTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task Staff_set_up_an_authenticator_and_then_need_a_code_to_sign_in()
    {
        var email = await site.CreateUserAsync("Clinician", DemoUsers.UnitNorth);
        using var client = site.CreateSiteClient();
        await client.LoginAsync(email);

        var setup = await client.GetPageAsync("/konto/tvastegsverifiering");
        var key = setup.Text("[data-testid=shared-key]");
        Assert.Matches("^[a-z2-7 ]{20,}$", key);

        var wrong = await client.ToPageAsync(await client.SubmitAsync("/konto/tvastegsverifiering",
            new Dictionary<string, string> { ["Code"] = "000000" }, submitHandler: "Enable"));
        Assert.Contains("Koden stämmer inte", wrong.MainText);

        var enabled = await client.SubmitAsync("/konto/tvastegsverifiering",
            new Dictionary<string, string> { ["Code"] = Totp.Compute(key, DateTimeOffset.UtcNow) }, submitHandler: "Enable");
        var after = await client.ToPageAsync(await client.FollowAsync(enabled));
        Assert.Contains("Tvåstegsverifiering är aktiverad", after.MainText);

        await client.SubmitAsync("/logga-ut", new Dictionary<string, string>());
        var login = await client.LoginAsync(email);
        Assert.StartsWith("/logga-in/tvastegs", login.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);

        var badCode = await client.ToPageAsync(await client.SubmitAsync("/logga-in/tvastegs",
            new Dictionary<string, string> { ["Code"] = "123456" }));
        Assert.Contains("Koden stämmer inte", badCode.MainText);

        var good = await client.SubmitAsync("/logga-in/tvastegs",
            new Dictionary<string, string> { ["Code"] = Totp.Compute(key, DateTimeOffset.UtcNow) });
        var home = await client.ToPageAsync(await client.FollowAsync(good));
        Assert.Equal("/admin", home.Path);
        Assert.NotEmpty(await site.EntriesAsync("auth.login.twofactor"));
    }
}

public sealed class TwoFactorTestsSqlite(SqliteSite site) : TwoFactorTests<SqliteSite>(site);

public sealed class TwoFactorTestsPostgres(PostgresSite site) : TwoFactorTests<PostgresSite>(site);

/// <summary>A site where the administrator has made two-factor sign-in mandatory for staff.</summary>
public sealed class MandatoryTwoFactorSite() : SiteFactory(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Security:RequireTwoFactorForStaff"] = "true" };
}

public sealed class MandatoryTwoFactorTests(MandatoryTwoFactorSite site) : IClassFixture<MandatoryTwoFactorSite>
{
    [Fact]
    public async Task Staff_without_an_authenticator_can_only_reach_the_set_up_page()
    {
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.ClinicianNorth);

        foreach (var url in new[] { "/admin", "/admin/enheter" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/konto/tvastegsverifiering", response.Headers.Location!.OriginalString);
        }

        var setup = await client.GetPageAsync("/konto/tvastegsverifiering");
        Assert.Contains("Din organisation kräver tvåstegsverifiering", setup.MainText);
        Assert.Empty(setup.Document.QuerySelectorAll("form[action*='handler=Disable']"));
    }

    [Fact]
    public async Task Patients_are_not_asked_for_an_authenticator()
    {
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.Patient);

        Assert.Equal("/program", (await client.GetAsync("/")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/program")).StatusCode);
    }
}
