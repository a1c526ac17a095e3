using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;
using Smartskola.Tests.Infrastructure;
using Smartskola.Users.Data;

namespace Smartskola.Tests.Enrolment;

/// <summary>The unit figures page and its CSV, and the unit rules page. Each test makes care units of its own.</summary>
public abstract class UnitFiguresTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : LifecycleSite
{
    private const string Figures = "/admin/patienter/siffror";
    private const string Rules = "/admin/patienter/installningar";

    [Fact]
    public async Task The_figures_match_the_units_enrolments_and_the_view_is_audited()
    {
        var (unit, manager) = await UnitWithManagerAsync("Rehab Siffror");
        await SeedFiguresAsync(unit);
        using var client = site.CreateSiteClient();
        await client.LoginAsync(manager);

        var page = await client.GetPageAsync(Figures);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var section = page.Document.QuerySelector($"[data-unit='{unit}']");
        Assert.NotNull(section);
        string Figure(string name) => Page.Collapse(section.QuerySelector($"[data-figure={name}]")!.TextContent);
        Assert.Equal(["6", "3", "1", "2", "1", "2", "1", "2", "40"],
            new[] { "enrolled", "active", "maintenance", "ended", "active7", "active30", "inactive", "completed-all", "median" }.Select(Figure));
        Assert.Equal(["4", "3", "2", "2", "2", "2", "2", "2"],
            section.QuerySelectorAll("[data-module]").Select(c => c.TextContent.Trim()));
        Assert.DoesNotContain("Testa", page.MainText);
        Assert.Contains(await site.EntriesAsync("unit.figures.view"), e => e.Outcome == "Success" && e.ActorName == "Test UnitManager");
    }

    [Fact]
    public async Task A_unit_manager_sees_only_their_own_units_and_another_unit_is_404()
    {
        var (unitA, manager) = await UnitWithManagerAsync("Rehab Alfa");
        var (unitB, _) = await UnitWithManagerAsync("Rehab Beta");
        await site.EnrolAsync(unitB);
        using var client = site.CreateSiteClient();
        await client.LoginAsync(manager);

        var page = await client.GetPageAsync(Figures);
        Assert.Contains("Rehab Alfa", page.MainText);
        Assert.DoesNotContain("Rehab Beta", page.MainText);
        Assert.Single(page.Document.QuerySelectorAll("[data-testid=unit-figures]"));

        var other = await client.ToPageAsync(await client.GetAsync($"{Figures}?enhet={unitB}"));
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.DoesNotContain("Rehab Beta", other.MainText);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Figures}?handler=Csv&enhet={unitB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Rules}?enhet={unitB}")).StatusCode);
        Assert.Contains(await site.EntriesAsync("unit.figures.view", unitB.ToString()), e => e.Outcome == "Denied");

        using var admin = site.CreateSiteClient();
        await admin.LoginAsync(DemoUsers.Admin);
        var all = await admin.GetPageAsync(Figures);
        Assert.Contains("Rehab Alfa", all.MainText);
        Assert.Contains("Rehab Beta", all.MainText);
        Assert.Contains(unitA.ToString(), all.Document.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task The_csv_has_a_bom_a_header_and_the_right_numbers_with_escaping()
    {
        var (unit, manager) = await UnitWithManagerAsync("Rehab; \"CSV\"");
        await SeedFiguresAsync(unit);
        using var client = site.CreateSiteClient();
        await client.LoginAsync(manager);

        var response = await client.GetAsync($"{Figures}?handler=Csv&enhet={unit}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".csv", response.Content.Headers.ContentDisposition!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Vårdenhet;Inskrivna;Aktiva;Vidmakthållande;Avslutade;Aktiva senaste 7 dagarna;Aktiva senaste 30 dagarna;Inaktiva;", lines[0]);
        Assert.Contains(";Genomförd modul 1: ", lines[0]);
        Assert.EndsWith(";Genomfört alla moduler;Mediantid till sista modulen (dagar)", lines[0]);
        Assert.Equal("\"Rehab; \"\"CSV\"\"\";6;3;1;2;1;2;1;7;4;3;2;2;2;2;2;2;2;40", lines[1]);
        Assert.Contains(await site.EntriesAsync("unit.figures.export", unit.ToString()), e => e.Outcome == "Success");
    }

    [Fact]
    public async Task A_clinician_gets_403_for_figures_and_rules()
    {
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.ClinicianNorth);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Figures)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Figures}?handler=Csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Rules)).StatusCode);
    }

    [Fact]
    public async Task Unit_rules_are_validated_in_Swedish_saved_and_a_concurrent_change_is_not_overwritten()
    {
        var (unit, manager) = await UnitWithManagerAsync("Rehab Regler");
        using var client = site.CreateSiteClient();
        await client.LoginAsync(manager);
        var url = $"{Rules}?enhet={unit}";

        var form = await client.GetPageAsync(url);
        Assert.Equal("7", form.Document.QuerySelector<IHtmlInputElement>("#Input_InactivityDays")!.Value);
        Assert.Equal("1095", form.Document.QuerySelector<IHtmlInputElement>("#Input_RetentionDays")!.Value);

        var invalid = await client.ToPageAsync(await client.SubmitAsync(url,
            new Dictionary<string, string> { ["Input.InactivityDays"] = "0", ["Input.RetentionDays"] = "tio" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.Status);
        Assert.Contains("Ange antal dagar utan aktivitet som ett heltal mellan 1 och 90.", invalid.MainText);
        Assert.Contains("Ange antal dagar innan gallring som ett heltal mellan 30 och 3650.", invalid.MainText);
        Assert.Equal("tio", invalid.Document.QuerySelector<IHtmlInputElement>("#Input_RetentionDays")!.Value);
        var tooMuch = await client.ToPageAsync(await client.SubmitAsync(url,
            new Dictionary<string, string> { ["Input.InactivityDays"] = "91", ["Input.RetentionDays"] = "3651" }));
        Assert.Contains("mellan 1 och 90", tooMuch.MainText);
        Assert.Contains("mellan 30 och 3650", tooMuch.MainText);
        Assert.Null(await site.EnrolmentDataAsync(db => db.UnitSettings.FindAsync(unit).AsTask()));

        // Two people open the form; the first saves, the second's save must not overwrite it.
        using var other = site.CreateSiteClient();
        await other.LoginAsync(manager);
        var stale = await other.GetPageAsync(url);
        var saved = await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.InactivityDays"] = "14", ["Input.RetentionDays"] = "400" });
        var after = await client.ToPageAsync(await client.FollowAsync(saved));
        Assert.Contains("Enhetens regler är sparade.", after.MainText);
        Assert.Equal("14", after.Document.QuerySelector<IHtmlInputElement>("#Input_InactivityDays")!.Value);

        var conflict = await other.ToPageAsync(await other.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = stale.Token,
            ["Input.Version"] = stale.Document.QuerySelector<IHtmlInputElement>("#Input_Version")!.Value,
            ["Input.InactivityDays"] = "30",
            ["Input.RetentionDays"] = "500",
        })));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Contains("Någon annan ändrade enhetens regler medan du arbetade. Nu sparat: inaktiv efter 14 dagar, gallring efter 400 dagar.", conflict.MainText);
        Assert.Equal("30", conflict.Document.QuerySelector<IHtmlInputElement>("#Input_InactivityDays")!.Value);
        var row = await site.EnrolmentDataAsync(db => db.UnitSettings.FindAsync(unit).AsTask());
        Assert.Equal((14, 400), (row!.InactivityDays, row.RetentionDays));

        // Saving again, now knowing the other change, replaces it; and a second edit of an existing row works.
        var again = await other.SubmitAsync(url, new Dictionary<string, string> { ["Input.InactivityDays"] = "30", ["Input.RetentionDays"] = "500" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        row = await site.EnrolmentDataAsync(db => db.UnitSettings.FindAsync(unit).AsTask());
        Assert.Equal((30, 500), (row!.InactivityDays, row.RetentionDays));
        Assert.Equal(2, (await site.EntriesAsync("unit.settings.update", unit.ToString())).Count);
    }

    /// <summary>A new care unit and a new unit manager in it.</summary>
    private async Task<(Guid Unit, string ManagerEmail)> UnitWithManagerAsync(string name)
    {
        var code = $"test-{Guid.NewGuid():N}"[..20];
        var id = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<UsersDbContext>();
            var unit = new CareUnit { Id = Guid.NewGuid(), Code = code, Name = $"{name}", CreatedUtc = DateTime.UtcNow };
            db.CareUnits.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
        return (id, await site.CreateUserAsync(Roles.UnitManager, code));
    }

    /// <summary>
    /// Active: one seen 2 days ago, one 20 days ago (inactive), one new; one in maintenance; two ended that completed
    /// every module 30 and 50 days after starting (median 40); one purged that completed module 1 (counted only there).
    /// The active one seen 2 days ago completed modules 1 and 2.
    /// </summary>
    private async Task SeedFiguresAsync(Guid unit)
    {
        var (_, modules) = await site.ProgramAsync();
        var start = site.Today().AddDays(-100);
        var seen2 = await site.EnrolAsync(unit, e => { e.StartDate = start; e.LastActiveUtc = site.Now().AddDays(-2); });
        await site.EnrolAsync(unit, e => { e.StartDate = start; e.LastActiveUtc = site.Now().AddDays(-20); });
        await site.EnrolAsync(unit, e => e.StartDate = site.Today().AddDays(-1));
        await site.EnrolAsync(unit, e => { e.StartDate = start; e.LastActiveUtc = site.Now().AddDays(-40); e.Status = EnrolmentStatus.Maintenance; });
        var ended30 = await site.EnrolAsync(unit, e => { e.StartDate = start; e.Status = EnrolmentStatus.Ended; e.EndedUtc = site.Now(); });
        var ended50 = await site.EnrolAsync(unit, e => { e.StartDate = start; e.Status = EnrolmentStatus.Ended; e.EndedUtc = site.Now(); });
        var purged = await site.EnrolAsync(unit, e => { e.StartDate = start; e.Status = EnrolmentStatus.Purged; e.PurgedUtc = site.Now(); });
        await site.EnrolmentDataAsync(db =>
        {
            void Complete(SeededEnrolment enrolment, IEnumerable<string> ids, int lastDay)
            {
                foreach (var (id, index) in ids.Select((id, index) => (id, index)))
                {
                    var completed = SwedishTime.StartOfDayUtc(start.AddDays(lastDay - index)).AddHours(12);
                    db.ModuleStates.Add(new EnrolmentModuleState
                    {
                        EnrolmentId = enrolment.EnrolmentId, ModuleId = id, IsOpen = true, ChangedBy = ModuleOpenedBy.Start,
                        ChangedUtc = completed, FirstOpenedUtc = completed, CompletedUtc = completed,
                    });
                }
            }

            Complete(ended30, modules.Reverse(), 30);
            Complete(ended50, modules.Reverse(), 50);
            Complete(seen2, modules.Take(2), 5);
            Complete(purged, modules.Take(1), 5);
            return db.SaveChangesAsync();
        });
    }
}

public sealed class UnitFiguresTestsSqlite(LifecycleSqliteSite site) : UnitFiguresTests<LifecycleSqliteSite>(site);

public sealed class UnitFiguresTestsPostgres(LifecyclePostgresSite site) : UnitFiguresTests<LifecyclePostgresSite>(site);
