using System.Net;
using Smartskola.Core.Persistence;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Platform;

public abstract class AuthenticationTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task Staff_sign_in_lands_on_the_staff_workspace()
    {
        using var client = site.CreateSiteClient();
        var page = await client.ToPageAsync(await client.FollowAsync(await client.LoginAsync(DemoUsers.ClinicianNorth)));

        Assert.Equal("/admin", page.Path);
        Assert.Equal("Välkommen, Bodil Behandlare", page.Text("[data-testid=staff-home]"));
        Assert.Contains("Testmiljö", page.Text("[data-testid=environment-banner]"));
    }

    [Fact]
    public async Task Patient_sign_in_lands_on_the_patient_start_page()
    {
        using var client = site.CreateSiteClient();
        var page = await client.ToPageAsync(await client.FollowAsync(await client.LoginAsync(DemoUsers.Patient)));

        Assert.Equal("/program", page.Path);
        Assert.Contains("Välkommen, Pia Patient", page.Text("[data-testid=patient-home]"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_with_a_Swedish_message()
    {
        var email = await site.CreateUserAsync("Clinician", DemoUsers.UnitNorth);
        using var client = site.CreateSiteClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await client.ToPageAsync(await client.LoginAsync(email, "fel-lösenord-" + attempt));
            Assert.Equal(HttpStatusCode.OK, wrong.Status);
            Assert.Contains("Fel e-postadress eller lösenord.", wrong.MainText);
        }

        var fifth = await client.ToPageAsync(await client.LoginAsync(email, "fel-lösenord-5"));
        Assert.Contains("Kontot är låst efter för många misslyckade inloggningsförsök", fifth.MainText);

        // Even the right password is refused while the lock lasts.
        var right = await client.ToPageAsync(await client.LoginAsync(email));
        Assert.Contains("Kontot är låst", right.MainText);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);

        var lockouts = await site.EntriesAsync("auth.lockout");
        Assert.Contains(lockouts, e => e.Outcome == "Denied" && e.ActorName == "Test Clinician");
    }

    [Fact]
    public async Task Parallel_guesses_cannot_get_past_the_lockout()
    {
        var email = await site.CreateUserAsync("Patient");
        var pages = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            using var client = site.CreateSiteClient();
            return (await client.ToPageAsync(await client.LoginAsync(email, "gissning-nummer-" + i))).MainText;
        }));

        // Exactly four guesses are checked; the fifth locks the account and every later one is refused unchecked.
        Assert.Equal(4, pages.Count(p => p.Contains("Fel e-postadress eller lösenord.", StringComparison.Ordinal)));
        Assert.Equal(12, pages.Count(p => p.Contains("Kontot är låst", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        using var client = site.CreateSiteClient();
        var page = await client.ToPageAsync(await client.LoginAsync("ingen@example.se", "vad-som-helst-123"));

        Assert.Contains("Fel e-postadress eller lösenord.", page.MainText);
    }

    [Fact]
    public async Task Empty_form_gets_Swedish_field_messages_and_no_crash()
    {
        using var client = site.CreateSiteClient();
        var response = await client.SubmitAsync("/logga-in", new Dictionary<string, string> { ["Input.Email"] = "inte-en-adress" });
        var page = await client.ToPageAsync(response);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Ange en giltig e-postadress.", page.MainText);
        Assert.Contains("Ange ditt lösenord.", page.MainText);
        var email = page.Document.QuerySelector("#Input_Email")!;
        Assert.Equal("true", email.GetAttribute("aria-invalid"));
        Assert.Equal("Ange en giltig e-postadress.", page.Document.GetElementById(email.GetAttribute("aria-describedby")!)!.TextContent);
    }

    [Fact]
    public async Task A_patient_gets_403_on_staff_pages()
    {
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.Patient);

        foreach (var url in new[] { "/admin", "/admin/enheter", "/admin/granskning" })
        {
            var page = await client.ToPageAsync(await client.GetAsync(url));
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.Contains("Du har inte behörighet", page.MainText);
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        using var client = site.CreateSiteClient();
        var response = await client.GetAsync("/admin/enheter");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/logga-in", response.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("orsak=", response.Headers.Location!.Query);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.ClinicianNorth);
        var response = await client.SubmitAsync("/logga-ut", new Dictionary<string, string>());
        var page = await client.ToPageAsync(await client.FollowAsync(response));

        Assert.Contains("Du är utloggad.", page.MainText);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Off_site_return_urls_are_ignored()
    {
        using var client = site.CreateSiteClient();
        var response = await client.SubmitAsync("/logga-in?ReturnUrl=https%3A%2F%2Fevil.example%2F",
            new Dictionary<string, string> { ["Input.Email"] = DemoUsers.ClinicianNorth, ["Input.Password"] = SiteFactory.DemoPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}

public sealed class AuthenticationTestsSqlite(SqliteSite site) : AuthenticationTests<SqliteSite>(site);

public sealed class AuthenticationTestsPostgres(PostgresSite site) : AuthenticationTests<PostgresSite>(site);
