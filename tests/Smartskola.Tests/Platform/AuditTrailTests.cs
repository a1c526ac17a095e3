using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.AuditTrail.Data;
using Smartskola.AuditTrail.Services;
using Smartskola.Core.Audit;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Platform;

public abstract class AuditTrailTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task Concurrent_writers_keep_one_gap_free_intact_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => site.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IAuditLog>().WriteAsync(new AuditEvent("test.concurrent", "Test", i.ToString()));
            return 0;
        })));

        var result = await site.WithScopeAsync(sp => sp.GetRequiredService<AuditChainVerifier>().VerifyAsync());
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(40, (await site.EntriesAsync("test.concurrent")).Count);
        var sequences = await site.WithScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().AuditEntries
            .Select(e => e.Sequence).OrderBy(s => s).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task The_database_itself_refuses_to_update_or_delete_audit_entries()
    {
        await site.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IAuditLog>().WriteAsync(new AuditEvent("test.immutable", "Test"));
            return 0;
        });

        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AuditDbContext>();
            await Assert.ThrowsAnyAsync<Exception>(() =>
                db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'x'"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
            return 0;
        });
        Assert.Single(await site.EntriesAsync("test.immutable"));
    }

    [Fact]
    public async Task A_unit_manager_sees_their_units_entries_and_gets_404_for_another_unit()
    {
        var north = await site.UnitIdAsync(DemoUsers.UnitNorth);
        var east = await site.UnitIdAsync(DemoUsers.UnitEast);
        using (var clinicianEast = site.CreateSiteClient())
        {
            await clinicianEast.LoginAsync(DemoUsers.ClinicianEast);
            await clinicianEast.GetAsync($"/admin/enheter/{east}");
        }

        using (var clinicianNorth = site.CreateSiteClient())
        {
            await clinicianNorth.LoginAsync(DemoUsers.ClinicianNorth);
            await clinicianNorth.GetAsync($"/admin/enheter/{north}");
        }

        using var manager = site.CreateSiteClient();
        await manager.LoginAsync(DemoUsers.UnitManagerNorth);
        var page = await manager.GetPageAsync("/admin/granskning");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var table = page.Text("[data-testid=audit-entries]");
        Assert.Contains("Bodil Behandlare", table);
        Assert.DoesNotContain("Östen Behandlare", table);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/admin/granskning?enhet={east}")).StatusCode);
    }

    [Fact]
    public async Task Clinicians_cannot_read_the_audit_log()
    {
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.ClinicianNorth);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/granskning")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/granskning/verifiera")).StatusCode);
    }
}

public sealed class AuditTrailTestsSqlite(SqliteSite site) : AuditTrailTests<SqliteSite>(site);

public sealed class AuditTrailTestsPostgres(PostgresSite site) : AuditTrailTests<PostgresSite>(site);

/// <summary>Breaks the chain on purpose, as someone with direct database access could.</summary>
public abstract class AuditTamperTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task Verification_detects_a_row_altered_directly_in_the_database()
    {
        using var admin = site.CreateSiteClient();
        await admin.LoginAsync(DemoUsers.Admin);
        var intact = await admin.ToPageAsync(await admin.SubmitAsync("/admin/granskning/verifiera", new Dictionary<string, string>()));
        Assert.Contains("Kedjan är obruten", intact.Text("[data-testid=verify-result]"));

        var target = (await site.EntriesAsync("auth.login")).First();
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AuditDbContext>();
            await db.Database.ExecuteSqlRawAsync(site.Provider == Core.Persistence.DatabaseProvider.Postgres
                ? "DROP TRIGGER \"AuditEntries_no_change\" ON \"AuditEntries\""
                : "DROP TRIGGER \"AuditEntries_no_update\"");
            return await db.Database.ExecuteSqlAsync(
                $"UPDATE \"AuditEntries\" SET \"ActorName\" = 'Någon annan' WHERE \"Sequence\" = {target.Sequence}");
        });

        var result = await site.WithScopeAsync(sp => sp.GetRequiredService<AuditChainVerifier>().VerifyAsync());
        Assert.False(result.IsIntact);
        Assert.Equal(target.Sequence, result.FirstBrokenSequence);

        var broken = await admin.ToPageAsync(await admin.SubmitAsync("/admin/granskning/verifiera", new Dictionary<string, string>()));
        Assert.Contains($"Kedjan är bruten vid post {target.Sequence}", broken.Text("[data-testid=verify-result]"));
    }
}

public sealed class AuditTamperTestsSqlite(SqliteSite site) : AuditTamperTests<SqliteSite>(site);

public sealed class AuditTamperTestsPostgres(PostgresSite site) : AuditTamperTests<PostgresSite>(site);
