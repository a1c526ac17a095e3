using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Leases;
using Smartskola.Core.Persistence;
using Smartskola.Recipes.Data;
using Smartskola.Tests.Infrastructure;
using Smartskola.Users.Data;

namespace Smartskola.Tests.Platform;

public abstract class PersistenceTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task A_restarted_site_keeps_its_data_and_does_not_set_itself_up_again()
    {
        using (var admin = site.CreateSiteClient())
        {
            await admin.LoginAsync(DemoUsers.Admin);
            await admin.SubmitAsync("/admin/enheter",
                new Dictionary<string, string> { ["NewUnit.Name"] = "Kvarstående enhet", ["NewUnit.Code"] = "kvar" });
        }

        await using var restarted = SiteFactory.OnSameDatabase(site);
        await ((IAsyncLifetime)restarted).InitializeAsync();

        var (units, setups, pending) = await restarted.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UsersDbContext>();
            return (await users.CareUnits.Select(u => u.Code).ToListAsync(),
                await sp.GetRequiredService<RecipesDbContext>().Executions.CountAsync(e => e.IsSetup),
                (await users.Database.GetPendingMigrationsAsync()).Count());
        });
        Assert.Contains("kvar", units);
        Assert.Equal(1, setups);
        Assert.Equal(0, pending);

        // A session issued by one instance is honoured by the other: the key ring lives in the database.
        using var first = site.CreateSiteClient();
        var login = await first.LoginAsync(DemoUsers.ClinicianNorth);
        var authCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ss.auth=", StringComparison.Ordinal));
        using var second = restarted.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false,
        });
        second.DefaultRequestHeaders.Add("Cookie", authCookie.Split(';')[0]);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await second.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_lease_is_held_by_one_instance_at_a_time_until_it_expires()
    {
        var first = new LeaseHolderIdentity();
        var second = new LeaseHolderIdentity();
        Task<bool> Acquire(LeaseHolderIdentity who) => site.WithScopeAsync(sp =>
            new LeaseService(sp.GetRequiredService<CoreDbContext>(), site.Clock, who)
                .TryAcquireAsync("test.lease", TimeSpan.FromMinutes(1)));

        var results = await Task.WhenAll(Acquire(first), Acquire(second));
        Assert.Single(results, r => r);
        var holder = results[0] ? first : second;
        var other = results[0] ? second : first;

        Assert.True(await Acquire(holder));
        Assert.False(await Acquire(other));
        site.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await Acquire(other));
        Assert.False(await Acquire(holder));
    }
}

public sealed class PersistenceTestsSqlite(SqliteSite site) : PersistenceTests<SqliteSite>(site);

public sealed class PersistenceTestsPostgres(PostgresSite site) : PersistenceTests<PostgresSite>(site);
