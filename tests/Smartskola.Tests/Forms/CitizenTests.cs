using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Security;
using Smartskola.Forms.Citizen;
using Smartskola.Forms.Data;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Forms;

/// <summary>
/// The citizen form: the designer opens a public link, someone without an account answers it, the unit's clinician
/// finds it in the inbox. Anonymous posts in one site share one rate-limit partition (the test server has no client
/// address), so this class sends at most <see cref="CitizenGuard.PermitsPerWindow"/> posts; the limit itself is
/// tested on a site of its own (<see cref="CitizenRateLimitTests"/>).
/// </summary>
public abstract class CitizenTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task A_citizen_answers_the_public_link_and_it_lands_in_the_owner_units_inbox()
    {
        var (templateId, token) = await OpenLinkAsync();
        using var citizen = site.CreateSiteClient();

        var form = await citizen.GetPageAsync($"/formular/{token}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Smärtenkät för invånare", form.MainText);
        Assert.Contains("Du behöver inget konto", form.MainText);
        var sent = await PostAsync(citizen, form, new() { ["f2"] = "Ont i ryggen åäö", ["f4"] = "2", ["f9"] = "6" }, wait: true);

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Contains("Tack! Dina svar är skickade", sent.MainText);
        var stored = await site.WithScopeAsync(sp => sp.GetRequiredService<FormsDbContext>().ContactRequests.AsNoTracking()
            .SingleAsync(r => r.TemplateId == templateId));
        Assert.Equal(await site.UnitIdAsync(DemoUsers.UnitNorth), stored.UnitId);
        Assert.Equal("Ont i ryggen åäö", Smartskola.Forms.Definitions.FormAnswers.FromJson(stored.AnswersJson).Text("f2"));
        Assert.Contains("\"value\":8", stored.ScoresJson);

        using var clinician = site.CreateSiteClient();
        await clinician.LoginAsync(DemoUsers.ClinicianNorth);
        var inbox = await clinician.GetPageAsync("/admin/formular/inkorg");
        var row = inbox.Document.QuerySelectorAll("[data-testid=contact-row]").First(r => r.InnerHtml.Contains(stored.Id.ToString()));
        Assert.Contains("Ny", row.TextContent);
        var opened = await clinician.GetPageAsync($"/admin/formular/inkorg/{stored.Id}");
        Assert.Contains("Ont i ryggen åäö", opened.MainText);
        Assert.Contains("Totalt: 8 Hög", opened.Text("[data-testid=contact-score]"));
        Assert.Contains(await site.EntriesAsync(InboxAction, stored.Id.ToString()), e => e.Outcome == "Success");
        var handled = await clinician.SubmitAsync($"/admin/formular/inkorg/{stored.Id}", new Dictionary<string, string>(), submitHandler: "Handled");
        Assert.Equal(HttpStatusCode.Redirect, handled.StatusCode);
        inbox = await clinician.GetPageAsync("/admin/formular/inkorg");
        Assert.Contains("Hanterad", inbox.Document.QuerySelectorAll("[data-testid=contact-row]")
            .First(r => r.InnerHtml.Contains(stored.Id.ToString())).TextContent);

        using var east = site.CreateSiteClient();
        await east.LoginAsync(DemoUsers.ClinicianEast);
        Assert.DoesNotContain(stored.Id.ToString(), (await east.GetPageAsync("/admin/formular/inkorg")).Document.DocumentElement.OuterHtml);
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/admin/formular/inkorg/{stored.Id}")).StatusCode);
    }

    [Fact]
    public async Task Honeypot_too_fast_and_invalid_answers_are_refused_in_Swedish_and_nothing_is_stored()
    {
        var (templateId, token) = await OpenLinkAsync();
        using var citizen = site.CreateSiteClient();
        var form = await citizen.GetPageAsync($"/formular/{token}");

        var bot = await PostAsync(citizen, form, new() { ["f2"] = "Köp billigt", [CitizenGuard.Honeypot] = "http://spam" }, wait: true);
        Assert.True(bot.Status == HttpStatusCode.UnprocessableEntity, bot.Status + bot.MainText);
        Assert.Contains("Formuläret kunde inte skickas", bot.MainText);

        // A fresh page: the first page's time stamp is old enough by now.
        var fresh = await citizen.GetPageAsync($"/formular/{token}");
        var fast = await PostAsync(citizen, fresh, new() { ["f2"] = "Snabb" }, wait: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fast.Status);
        Assert.Contains("skickades för snabbt", fast.MainText);
        Assert.Equal("Snabb", fast.Document.QuerySelector<IHtmlInputElement>("#q-f2")!.Value);

        var invalid = await PostAsync(citizen, form, new() { ["f2"] = string.Empty, ["f7"] = "tolv" }, wait: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.Status);
        Assert.Contains("Formuläret innehåller fel", invalid.MainText);
        Assert.NotNull(invalid.Document.QuerySelector("#q-f2-error"));

        Assert.Equal(0, await site.WithScopeAsync(sp => sp.GetRequiredService<FormsDbContext>().ContactRequests.CountAsync(r => r.TemplateId == templateId)));
    }

    [Fact]
    public async Task A_closed_or_unknown_link_is_404_and_only_the_owner_units_designer_manages_it()
    {
        var (templateId, token) = await OpenLinkAsync();
        using var designer = site.CreateSiteClient();
        await designer.LoginAsync(await DesignerAsync());
        var closed = await designer.SubmitAsync($"/admin/formular/{templateId}/invanarlank", new Dictionary<string, string>(), submitHandler: "Disable");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        using var citizen = site.CreateSiteClient();
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/formular/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/formular/finns-inte")).StatusCode);

        var eastDesigner = await site.CreateUserAsync(Roles.FormDesigner, DemoUsers.UnitEast);
        using var east = site.CreateSiteClient();
        await east.LoginAsync(eastDesigner);
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/admin/formular/{templateId}/invanarlank")).StatusCode);
        using var clinician = site.CreateSiteClient();
        await clinician.LoginAsync(DemoUsers.ClinicianNorth);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync($"/admin/formular/{templateId}/invanarlank")).StatusCode);
    }

    private const string InboxAction = "forms.contact.view";

    private async Task<string> DesignerAsync() => await site.CreateUserAsync(Roles.FormDesigner, DemoUsers.UnitNorth);

    /// <summary>A North template with its public link turned on through the designer's page; returns id and token.</summary>
    private async Task<(string TemplateId, string Token)> OpenLinkAsync()
    {
        var north = await site.UnitIdAsync(DemoUsers.UnitNorth);
        var templateId = await site.PublishTemplateAsync(north, "Smärtenkät för invånare", ExportSeed.EveryType());
        using var designer = site.CreateSiteClient();
        await designer.LoginAsync(await DesignerAsync());
        var url = $"/admin/formular/{templateId}/invanarlank";
        var enabled = await designer.SubmitAsync(url, new Dictionary<string, string>(), submitHandler: "Enable");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        var page = await designer.GetPageAsync(url);
        var link = page.Document.QuerySelector("[data-testid=citizen-link]")!.GetAttribute("href")!;
        var token = link[(link.LastIndexOf('/') + 1)..];
        Assert.Equal(43, token.Length); // 32 bytes, base64url without padding
        return (templateId, token);
    }

    /// <summary>Posts the public form as a browser would, after the minimum fill time when <paramref name="wait"/>.</summary>
    internal static async Task<Page> PostAsync(SiteClient client, Page form, Dictionary<string, string> fields, bool wait, SiteFactory? clockOf = null)
    {
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.Token),
            new(CitizenGuard.StartedField, form.Document.QuerySelector<IHtmlInputElement>($"input[name={CitizenGuard.StartedField}]")!.Value),
        };
        values.AddRange(fields);
        if (wait)
        {
            (clockOf ?? throw new InvalidOperationException("clock")).Clock.Advance(CitizenGuard.MinimumFillTime + TimeSpan.FromSeconds(1));
        }

        return await client.ToPageAsync(await client.Http.PostAsync(form.Response.RequestMessage!.RequestUri!.PathAndQuery, new FormUrlEncodedContent(values)));
    }

    private Task<Page> PostAsync(SiteClient client, Page form, Dictionary<string, string> fields, bool wait) =>
        PostAsync(client, form, fields, wait, site);
}

public sealed class CitizenTestsSqlite(SqliteSite site) : CitizenTests<SqliteSite>(site);

public sealed class CitizenTestsPostgres(PostgresSite site) : CitizenTests<PostgresSite>(site);

/// <summary>The per-address limit, on a site of its own so its count is not shared with the other citizen tests.</summary>
public sealed class CitizenRateLimitTests(SqliteSite site) : IClassFixture<SqliteSite>
{
    [Fact]
    public async Task Too_many_forms_from_one_address_get_429_in_Swedish()
    {
        var north = await site.UnitIdAsync(DemoUsers.UnitNorth);
        var templateId = await site.PublishTemplateAsync(north, "Gränsenkät", ExportSeed.EveryType());
        var token = CitizenForms.NewToken();
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FormsDbContext>();
            var template = await db.Templates.SingleAsync(t => t.ContentItemId == templateId);
            template.CitizenLinkToken = token;
            return await db.SaveChangesAsync();
        });
        using var citizen = site.CreateSiteClient();
        var form = await citizen.GetPageAsync($"/formular/{token}");

        for (var i = 0; i < CitizenGuard.PermitsPerWindow; i++)
        {
            var sent = await CitizenTests<SqliteSite>.PostAsync(citizen, form, new() { ["f2"] = $"Svar {i}" }, wait: true, site);
            Assert.Equal(HttpStatusCode.OK, sent.Status);
        }

        var refused = await CitizenTests<SqliteSite>.PostAsync(citizen, form, new() { ["f2"] = "Ett till" }, wait: true, site);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("Vänta en stund och försök igen", refused.MainText);
        Assert.Equal(CitizenGuard.PermitsPerWindow, await site.WithScopeAsync(sp =>
            sp.GetRequiredService<FormsDbContext>().ContactRequests.CountAsync(r => r.TemplateId == templateId)));
    }
}
