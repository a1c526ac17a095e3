using System.Net;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Curriculum;

/// <summary>Full-text search with Swedish stemming: patients in the published, open program; editors in the latest drafts.</summary>
public abstract class ProgramSearchTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private const string SleepIntro = "Introduktion: Sömnens betydelse";
    private const string SleepAdvice = "Vad kan man göra för att förbättra sin sömn?";

    [Theory]
    [InlineData("sömn")]
    [InlineData("sömnen")]
    [InlineData("SÖMNENS")]
    public async Task Searching_sleep_in_any_form_finds_module_6s_sleep_sections_with_the_words_marked(string query)
    {
        using var patient = await SignedInAsync(site, DemoUsers.Patient);
        var page = await patient.GetPageAsync($"/program/sok?q={Uri.EscapeDataString(query)}");

        var results = page.Document.QuerySelectorAll("[data-testid=search-results] li").ToList();
        var titles = results.Select(r => r.QuerySelector("a")!.TextContent).ToList();
        Assert.Contains(SleepIntro, titles);
        Assert.Contains(SleepAdvice, titles);
        Assert.All(results, r => Assert.StartsWith("Modul 6", r.QuerySelector(".muted")!.TextContent));
        var marks = results.SelectMany(r => r.QuerySelectorAll(".snippet mark")).Select(m => m.TextContent.ToLowerInvariant()).ToList();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.StartsWith("sömn", m));
        var link = results.First(r => r.QuerySelector("a")!.TextContent == SleepAdvice).QuerySelector("a")!.GetAttribute("href");
        Assert.Equal("/program/modul/6/vad-kan-man-gora-for-att-forbattra-sin-somn", link);
    }

    [Fact]
    public async Task A_discarded_draft_is_no_longer_found_by_editors()
    {
        const string section = "5a0d1e000000000000000000000a0503"; // module 5, "Ångest, oro och stress"
        using var editor = await SignedInAsync(site, DemoUsers.Editor);
        await SaveOkAsync(editor, section, new() { ["c.HtmlBodyPart.Html"] = "<p>Ett utkast om kolibrier.</p>" });
        Assert.Contains("Ångest, oro och stress", (await editor.GetPageAsync("/admin/sok?q=kolibri")).Text("[data-testid=search-results]"));

        var discarded = await editor.SubmitAsync($"/admin/innehall/{section}", new Dictionary<string, string>(), "main form.form-inline",
            button: "button[formaction*='handler=Discard']");
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.Contains("Inga träffar", (await editor.GetPageAsync("/admin/sok?q=kolibri")).MainText);
        Assert.Contains("Ångest, oro och stress", (await editor.GetPageAsync("/admin/sok?q=oron")).Text("[data-testid=search-results]"));
    }

    [Fact]
    public async Task Search_input_is_text_not_query_syntax()
    {
        using var patient = await SignedInAsync(site, DemoUsers.Patient);
        foreach (var query in new[] { "\"sömn", "sömn OR NOT*", "<script>alert(1)</script>", new string('x', 500) })
        {
            var page = await patient.GetPageAsync($"/program/sok?q={Uri.EscapeDataString(query)}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Null(page.Document.QuerySelector("main script"));
        }
    }

    [Fact]
    public async Task Editors_find_drafts_patients_only_what_is_published_and_a_rebuild_keeps_both()
    {
        const string section = "5a0d1e000000000000000000000a0402"; // module 4, "Ergonomi"
        using var editor = await SignedInAsync(site, DemoUsers.Editor);
        await SaveOkAsync(editor, section, new() { ["c.HtmlBodyPart.Html"] = "<p>Prova en höj- och sänkbar arbetsbänk för hantverkare.</p>" });

        var editorHits = await editor.GetPageAsync("/admin/sok?q=arbetsbänken");
        Assert.Contains("Ergonomi", editorHits.Text("[data-testid=search-results]"));
        using var patient = await SignedInAsync(site, DemoUsers.Patient);
        Assert.Contains("Inga träffar", (await patient.GetPageAsync("/program/sok?q=arbetsbänk")).Text("[data-testid=search-summary]"));

        await SaveOkAsync(editor, section, [], Publish);
        Assert.Contains("Ergonomi", (await patient.GetPageAsync("/program/sok?q=arbetsbänkar")).Text("[data-testid=search-results]"));

        using var admin = await SignedInAsync(site, DemoUsers.Admin);
        var rebuilt = await admin.FollowAsync(await admin.SubmitAsync("/admin/sok", new Dictionary<string, string>(), "main form[method=post]", submitHandler: "Rebuild"));
        Assert.Contains("Sökindexet är ombyggt", (await admin.ToPageAsync(rebuilt)).MainText);
        Assert.Contains("Ergonomi", (await patient.GetPageAsync("/program/sok?q=arbetsbänk")).Text("[data-testid=search-results]"));
        Assert.Contains(SleepIntro, (await patient.GetPageAsync("/program/sok?q=sömn")).Text("[data-testid=search-results]"));
        var token = (await editor.GetPageAsync("/admin/sok")).Token;
        var refused = await editor.Http.PostAsync("/admin/sok?handler=Rebuild",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

public sealed class ProgramSearchTestsSqlite(SqliteSite site) : ProgramSearchTests<SqliteSite>(site);

public sealed class ProgramSearchTestsPostgres(PostgresSite site) : ProgramSearchTests<PostgresSite>(site);
