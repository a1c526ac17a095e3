using System.Net;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Platform;

/// <summary>Moves the clock, which is fine: every test class gets a site of its own (xunit class fixture).</summary>
public abstract class IdleTimeoutTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task An_idle_session_ends_with_a_Swedish_explanation()
    {
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.ClinicianNorth);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        site.Clock.Advance(TimeSpan.FromMinutes(21));
        var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.ToPageAsync(await client.FollowAsync(response));
        Assert.Equal("/logga-in", page.Path);
        Assert.Contains("Du blev utloggad på grund av inaktivitet", page.MainText);
    }

    [Fact]
    public async Task Activity_keeps_the_session_alive()
    {
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.ClinicianNorth);

        for (var i = 0; i < 4; i++)
        {
            site.Clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        }
    }
}

public sealed class IdleTimeoutTestsSqlite(SqliteSite site) : IdleTimeoutTests<SqliteSite>(site);

public sealed class IdleTimeoutTestsPostgres(PostgresSite site) : IdleTimeoutTests<PostgresSite>(site);
