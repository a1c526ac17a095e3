using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Tests.Infrastructure;
using Smartskola.Users.Data;

namespace Smartskola.Tests.Platform;

public abstract class UserAdministrationTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private async Task<Guid> UserIdAsync(string email) => await site.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<UserManager<User>>().FindByEmailAsync(email))!.Id);

    private async Task<SiteClient> AdminAsync()
    {
        var client = site.CreateSiteClient();
        await client.LoginAsync(DemoUsers.Admin);
        return client;
    }

    [Fact]
    public async Task An_administrator_creates_a_clinician_who_can_sign_in_to_their_unit()
    {
        var east = await site.UnitIdAsync(DemoUsers.UnitEast);
        using var admin = await AdminAsync();
        var response = await admin.Http.PostAsync("/admin/anvandare/ny", new FormUrlEncodedContent(
        [
            new("Form.DisplayName", "Nora Ny"), new("Form.Email", "nora.ny@test.smartskola.se"),
            new("Form.Roles", "Clinician"), new("Form.Units", east.ToString()),
            new("Password", "Ett-bra-losenord-42"), new("__RequestVerificationToken", await TokenAsync(admin, "/admin/anvandare/ny")),
        ]));
        var created = await admin.ToPageAsync(await admin.FollowAsync(response));
        Assert.Equal("Nora Ny", created.Text("main h1"));
        Assert.Contains("Användaren är skapad.", created.MainText);

        using var nora = site.CreateSiteClient();
        await nora.LoginAsync("nora.ny@test.smartskola.se", "Ett-bra-losenord-42");
        var units = await nora.GetPageAsync("/admin/enheter");
        Assert.Contains("Primärvårdsrehabiliteringen östra", units.MainText);
        Assert.DoesNotContain("Primärvårdsrehabiliteringen norra", units.MainText);
        Assert.NotEmpty(await site.EntriesAsync("user.create"));
    }

    [Fact]
    public async Task A_short_password_or_a_taken_address_gets_a_Swedish_message_and_creates_nothing()
    {
        using var admin = await AdminAsync();
        var shortPassword = await admin.ToPageAsync(await admin.SubmitAsync("/admin/anvandare/ny", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Kort Lösen", ["Form.Email"] = "kort@test.smartskola.se", ["Form.Roles"] = "Editor", ["Password"] = "kort",
        }));
        Assert.Contains("Lösenordet måste ha minst 12 tecken.", shortPassword.MainText);
        Assert.Equal("Kort Lösen", shortPassword.Document.QuerySelector<IHtmlInputElement>("#Form_DisplayName")!.Value);

        var taken = await admin.ToPageAsync(await admin.SubmitAsync("/admin/anvandare/ny", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Dubbel", ["Form.Email"] = DemoUsers.Editor, ["Form.Roles"] = "Editor", ["Password"] = "Ett-bra-losenord-42",
        }));
        Assert.Single(taken.Document.QuerySelectorAll(".errors li"), li => li.TextContent == "Det finns redan ett konto med den e-postadressen.");

        var noRole = await admin.ToPageAsync(await admin.SubmitAsync("/admin/anvandare/ny", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Kort Lösen", ["Form.Email"] = "kort@test.smartskola.se", ["Password"] = "Ett-bra-losenord-42",
        }));
        Assert.Contains("Välj minst en roll.", noRole.MainText);

        var mixed = await admin.Http.PostAsync("/admin/anvandare/ny", new FormUrlEncodedContent(
        [
            new("Form.DisplayName", "Kort Lösen"), new("Form.Email", "kort@test.smartskola.se"), new("Form.Roles", "Patient"),
            new("Form.Roles", "Administrator"), new("Password", "Ett-bra-losenord-42"),
            new("__RequestVerificationToken", await TokenAsync(admin, "/admin/anvandare/ny")),
        ]));
        Assert.Contains("Ett patientkonto kan inte samtidigt ha en personalroll.", (await admin.ToPageAsync(mixed)).MainText);

        var list = await admin.ToPageAsync(await admin.SubmitAsync("/admin/anvandare",
            new Dictionary<string, string> { ["sok"] = "kort" }, formSelector: "main form[role=search]"));
        Assert.DoesNotContain("Kort Lösen", list.Text("[data-testid=users]"));
        var found = await admin.ToPageAsync(await admin.SubmitAsync("/admin/anvandare",
            new Dictionary<string, string> { ["sok"] = "redaktor@" }, formSelector: "main form[role=search]"));
        Assert.Equal(["Rut Redaktör"], found.Document.QuerySelectorAll("[data-testid=users] tbody tr td:first-child").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_told_and_keeps_what_was_typed()
    {
        var id = await site.CreateUserAsync("Editor", DemoUsers.UnitNorth).ContinueWith(t => UserIdAsync(t.Result)).Unwrap();
        using var first = await AdminAsync();
        using var second = await AdminAsync();
        var url = $"/admin/anvandare/{id}";
        var firstPage = await first.GetPageAsync(url);
        var secondPage = await second.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, (await PostEditAsync(first, firstPage, url, "Första namnet")).StatusCode);
        var conflict = await second.ToPageAsync(await PostEditAsync(second, secondPage, url, "Andra namnet"));

        Assert.Contains("Uppgifterna har ändrats av någon annan", conflict.MainText);
        Assert.Equal("Andra namnet", conflict.Document.QuerySelector<IHtmlInputElement>("#Form_DisplayName")!.Value);
        Assert.Equal("Första namnet", (await first.GetPageAsync(url)).Text("main h1"));
    }

    [Fact]
    public async Task Blocking_refuses_sign_in_and_unblocking_restores_it()
    {
        var email = await site.CreateUserAsync("Clinician", DemoUsers.UnitNorth);
        var url = $"/admin/anvandare/{await UserIdAsync(email)}";
        using var admin = await AdminAsync();

        var blocked = await admin.ToPageAsync(await admin.FollowAsync(
            await admin.SubmitAsync(url, new Dictionary<string, string>(), submitHandler: "Block")));
        Assert.Equal("Spärrat", blocked.Text("[data-testid=account-status]"));

        using (var user = site.CreateSiteClient())
        {
            Assert.Contains("Kontot är spärrat. Kontakta din vårdenhet.", (await user.ToPageAsync(await user.LoginAsync(email))).MainText);
        }

        Assert.NotEmpty(await site.EntriesAsync("auth.blocked"));
        await admin.SubmitAsync(url, new Dictionary<string, string>(), submitHandler: "Unlock");
        using var again = site.CreateSiteClient();
        Assert.Equal("/", (await again.LoginAsync(email)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Role_grants_are_edited_in_the_matrix_but_administrators_keep_user_management()
    {
        using var admin = await AdminAsync();
        var matrix = await admin.GetPageAsync("/admin/roller");
        var granted = matrix.Document.QuerySelectorAll<IHtmlInputElement>("input[name=grant]")
            .Where(i => i.IsChecked).Select(i => i.Value).ToList();
        Assert.Contains("Clinician|Users.ViewOwnUnits", granted);

        var withoutAdmin = granted.Where(g => g != "Administrator|Users.ManageUsers").ToList();
        var refused = await admin.ToPageAsync(await admin.FollowAsync(await PostGrantsAsync(admin, withoutAdmin)));
        Assert.Contains("Administratörer måste behålla behörigheten", refused.MainText);

        var withoutClinicianUnits = granted.Where(g => g != "Clinician|Users.ViewOwnUnits").ToList();
        var saved = await admin.ToPageAsync(await admin.FollowAsync(await PostGrantsAsync(admin, withoutClinicianUnits)));
        Assert.Contains("Behörigheterna är sparade.", saved.MainText);

        using var clinician = site.CreateSiteClient();
        await clinician.LoginAsync(DemoUsers.ClinicianNorth);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync("/admin/enheter")).StatusCode);

        // A form opened before that save is stale: saving it is refused instead of silently undoing the change.
        var stale = await admin.ToPageAsync(await admin.FollowAsync(
            await PostGrantsAsync(admin, granted, matrix.Document.QuerySelector<IHtmlInputElement>("input[name=version]")!.Value)));
        Assert.Contains("Behörigheterna har ändrats av någon annan", stale.MainText);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync("/admin/enheter")).StatusCode);

        await PostGrantsAsync(admin, granted); // Put it back for the other tests in this class.
    }

    private static async Task<HttpResponseMessage> PostEditAsync(SiteClient client, Page page, string url, string name)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>("main form[method=post]:not([action*=handler])")!;
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && (i.Type != "checkbox" || i.IsChecked))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Name == "Form.DisplayName" ? name : i.Value))
            .ToList();
        return await client.Http.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> PostGrantsAsync(SiteClient client, IEnumerable<string> grants, string? version = null)
    {
        var page = await client.GetPageAsync("/admin/roller");
        var token = page.Token;
        version ??= page.Document.QuerySelector<IHtmlInputElement>("input[name=version]")!.Value;
        var fields = grants.Select(g => new KeyValuePair<string, string>("grant", g))
            .Append(new("__RequestVerificationToken", token))
            .Append(new("version", version));
        return await client.Http.PostAsync("/admin/roller", new FormUrlEncodedContent(fields));
    }

    private static async Task<string> TokenAsync(SiteClient client, string url) =>
        (await client.GetPageAsync(url)).Token;
}

public sealed class UserAdministrationTestsSqlite(SqliteSite site) : UserAdministrationTests<SqliteSite>(site);

public sealed class UserAdministrationTestsPostgres(PostgresSite site) : UserAdministrationTests<PostgresSite>(site);
