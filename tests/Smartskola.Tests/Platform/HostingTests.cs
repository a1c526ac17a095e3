using System.Net;
using System.Text.Json;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Platform;

public abstract class HostingTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task Health_reports_liveness_and_the_database_without_signing_in()
    {
        using var client = site.CreateSiteClient();
        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task Pages_carry_strict_security_headers_and_no_inline_script()
    {
        using var client = site.CreateSiteClient();
        var page = await client.GetPageAsync("/logga-in");
        var headers = page.Response.Headers;

        var csp = headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
        Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src")));
        Assert.Empty(page.Document.QuerySelectorAll("[style]"));
        Assert.Equal("sv", page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_form_post_without_the_anti_forgery_token_is_refused_and_changes_nothing()
    {
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.Admin);

        var response = await client.Http.PostAsync("/admin/enheter", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["NewUnit.Name"] = "Förfalskad", ["NewUnit.Code"] = "forfalskad",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Förfalskad", (await client.GetPageAsync("/admin/enheter")).MainText);
    }

    [Fact]
    public async Task Unknown_pages_get_a_Swedish_404()
    {
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.ClinicianNorth);

        var page = await client.ToPageAsync(await client.GetAsync("/admin/finns-inte"));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Sidan finns inte", page.MainText);
    }

    [Fact]
    public async Task Search_engines_are_asked_to_stay_out()
    {
        using var client = site.CreateSiteClient();
        var response = await client.GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Disallow: /", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Theme_stylesheets_are_served()
    {
        using var client = site.CreateSiteClient();
        foreach (var path in new[] { "/_content/Smartskola.Themes.Patient/patient.css", "/_content/Smartskola.Themes.Staff/staff.css" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        }
    }
}

public sealed class HostingTestsSqlite(SqliteSite site) : HostingTests<SqliteSite>(site);

public sealed class HostingTestsPostgres(PostgresSite site) : HostingTests<PostgresSite>(site);
