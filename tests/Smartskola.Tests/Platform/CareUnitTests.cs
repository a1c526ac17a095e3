using System.Net;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Platform;

public abstract class CareUnitTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task A_clinician_sees_their_own_unit_and_its_staff_and_the_view_is_audited()
    {
        var north = await site.UnitIdAsync(DemoUsers.UnitNorth);
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.ClinicianNorth);

        var page = await client.GetPageAsync($"/admin/enheter/{north}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Primärvårdsrehabiliteringen norra", page.Text("main h1"));
        Assert.Contains("Bodil Behandlare", page.Text("[data-testid=unit-members]"));
        Assert.Contains("Elsa Enhetschef", page.Text("[data-testid=unit-members]"));
        var views = await site.EntriesAsync("unit.view", north.ToString());
        Assert.Contains(views, e => e.Outcome == "Success" && e.ActorName == "Bodil Behandlare" && e.ActorUnitId == north);
    }

    [Fact]
    public async Task A_clinician_of_unit_A_gets_404_for_unit_B_and_never_its_data()
    {
        var east = await site.UnitIdAsync(DemoUsers.UnitEast);
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.ClinicianNorth);

        var page = await client.GetPageAsync($"/admin/enheter/{east}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Sidan finns inte", page.MainText);
        Assert.DoesNotContain("Östen", page.Document.DocumentElement.OuterHtml);
        Assert.DoesNotContain("östra", page.MainText);
        var denied = await site.EntriesAsync("unit.view", east.ToString());
        Assert.Contains(denied, e => e.Outcome == "Denied" && e.ActorName == "Bodil Behandlare");
    }

    [Fact]
    public async Task The_unit_list_shows_a_clinician_only_their_units()
    {
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.ClinicianEast);

        var page = await client.GetPageAsync("/admin/enheter");

        Assert.Contains("Primärvårdsrehabiliteringen östra", page.MainText);
        Assert.DoesNotContain("Primärvårdsrehabiliteringen norra", page.MainText);
        Assert.Empty(page.Document.QuerySelectorAll("main form[method=post]"));
    }

    [Fact]
    public async Task An_administrator_creates_a_unit_and_bad_input_gets_Swedish_messages()
    {
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.Admin);

        var created = await client.SubmitAsync("/admin/enheter",
            new Dictionary<string, string> { ["NewUnit.Name"] = "Rehab Väst", ["NewUnit.Code"] = "rehab-vast" });
        var details = await client.ToPageAsync(await client.FollowAsync(created));
        Assert.Equal("Rehab Väst", details.Text("main h1"));
        Assert.Contains("Vårdenheten är skapad.", details.MainText);

        var duplicate = await client.ToPageAsync(await client.SubmitAsync("/admin/enheter",
            new Dictionary<string, string> { ["NewUnit.Name"] = "Annan", ["NewUnit.Code"] = "rehab-vast" }));
        Assert.Equal(HttpStatusCode.OK, duplicate.Status);
        Assert.Contains("Det finns redan en vårdenhet med den koden.", duplicate.MainText);
        Assert.Equal("Annan", duplicate.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#NewUnit_Name")!.Value);

        var sameName = await client.ToPageAsync(await client.SubmitAsync("/admin/enheter",
            new Dictionary<string, string> { ["NewUnit.Name"] = "Rehab Väst", ["NewUnit.Code"] = "rehab-vast-2" }));
        Assert.Contains("Det finns redan en vårdenhet med det namnet.", sameName.MainText);

        var tooLong = await client.ToPageAsync(await client.SubmitAsync("/admin/enheter",
            new Dictionary<string, string> { ["NewUnit.Name"] = new string('x', 201), ["NewUnit.Code"] = new string('k', 65) }));
        Assert.Contains("Namnet får vara högst 200 tecken.", tooLong.MainText);
        Assert.Contains("Koden får vara högst 64 tecken.", tooLong.MainText);
        Assert.DoesNotContain(new string('x', 201), (await client.GetPageAsync("/admin/enheter")).Text("table"));

        var empty = await client.ToPageAsync(await client.SubmitAsync("/admin/enheter",
            new Dictionary<string, string> { ["NewUnit.Name"] = "", ["NewUnit.Code"] = "ogiltig kod!" }));
        Assert.Contains("Ange ett namn.", empty.MainText);
        Assert.Contains("Koden får bara innehålla", empty.MainText);
    }

    [Fact]
    public async Task A_clinician_cannot_create_units()
    {
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.ClinicianNorth);
        var page = await client.GetPageAsync("/admin/enheter");
        var token = page.Token;

        var response = await client.Http.PostAsync("/admin/enheter", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["NewUnit.Name"] = "Smygenhet", ["NewUnit.Code"] = "smyg", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Smygenhet", (await client.GetPageAsync("/admin/enheter")).MainText);
    }
}

public sealed class CareUnitTestsSqlite(SqliteSite site) : CareUnitTests<SqliteSite>(site);

public sealed class CareUnitTestsPostgres(PostgresSite site) : CareUnitTests<PostgresSite>(site);
