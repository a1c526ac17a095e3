using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Data;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Content;

/// <summary>Every save is a version: history, diff, restore, conflicts, publishing states and the recycle bin.</summary>
public abstract class ContentVersioningTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private static Dictionary<string, string> Page(string title, string html) =>
        new() { ["c.TitlePart.Title"] = title, ["c.HtmlBodyPart.Html"] = html };

    [Fact]
    public async Task Five_versions_show_a_readable_diff_of_2_and_5_and_version_2_is_restored_as_a_new_draft()
    {
        using var editor = await SignedInAsync(site, DemoUsers.Editor);
        var id = await CreateAsync(editor, "Sida", Page("Sömn och smärta", "<p>Sömnen påverkar smärtan.</p>"));
        await SaveOkAsync(editor, id, Page("Sömn och smärta", "<h2>Kvällsrutiner</h2><p>Sömnen påverkar hur du upplever smärtan.</p>"));
        await SaveOkAsync(editor, id, Page("Sömn och smärta", "<h2>Kvällsrutiner</h2><p>Sömnen påverkar hur du upplever smärtan.</p><ul><li>Varva ned</li></ul>"), Publish);
        await SaveOkAsync(editor, id, Page("Sömn, vila och smärta", "<h2>Kvällsrutiner</h2><p>Sömnen påverkar hur du upplever smärtan.</p><ul><li>Varva ned</li></ul>"));
        await SaveOkAsync(editor, id, Page("Sömn, vila och smärta", "<h2>Rutiner på kvällen</h2><p>Vila och sömn påverkar hur du upplever smärtan.</p><ul><li>Varva ned</li><li>Släck skärmen</li></ul>"));

        var history = await editor.GetPageAsync($"/admin/innehall/{id}/historik");
        var rows = history.Document.QuerySelectorAll("[data-testid=versions] tbody tr").ToList();
        Assert.Equal(["5", "4", "3", "2", "1"], rows.Select(r => r.GetAttribute("data-version")).ToList());
        Assert.All(rows, r => Assert.Contains("Rut Redaktör", r.TextContent));
        Assert.Contains("Publicerad", rows[2].TextContent);

        var diff = await editor.GetPageAsync($"/admin/innehall/{id}/jamfor?fran=2&till=5");
        Assert.Equal(HttpStatusCode.OK, diff.Status);
        Assert.DoesNotContain("{", diff.MainText); // text, not JSON
        var captions = diff.Document.QuerySelectorAll("[data-testid=diff-section] caption").Select(c => c.TextContent).ToList();
        Assert.Equal(["Titel", "Brödtext (formaterad)"], captions);
        var removed = diff.Document.QuerySelectorAll("del").Select(d => d.TextContent).ToList();
        var added = diff.Document.QuerySelectorAll("ins").Select(i => i.TextContent).ToList();
        Assert.Contains(removed, t => t.Contains("Kvällsrutiner"));
        Assert.Contains(added, t => t.Contains("Släck skärmen"));
        Assert.Contains(added, t => t.Contains("vila"));

        var restore = await editor.ToPageAsync(await editor.FollowAsync(await editor.SubmitAsync($"/admin/innehall/{id}/historik",
            new Dictionary<string, string> { ["version"] = "2" }, "form[action*=Restore]")));
        Assert.Contains("Version 2 är återställd som nytt utkast (version 6).", restore.MainText);
        Assert.Equal("Sömn och smärta", restore.Document.QuerySelector<IHtmlInputElement>("#c_TitlePart_Title")!.Value);
        Assert.Contains("Kvällsrutiner", restore.Document.QuerySelector<IHtmlTextAreaElement>("#c_HtmlBodyPart_Html")!.Value);
        Assert.DoesNotContain("Varva ned", restore.Document.QuerySelector<IHtmlTextAreaElement>("#c_HtmlBodyPart_Html")!.Value);
        var after = await editor.GetPageAsync($"/admin/innehall/{id}/historik");
        Assert.Contains("Återställd från version 2", after.Text("[data-version='6']"));

        // Patients still see version 3 until the restored draft is published.
        using var patient = await SignedInAsync(site, DemoUsers.Patient);
        var shown = await patient.GetPageAsync("/innehall/somn-och-smarta");
        Assert.Contains("Varva ned", shown.MainText);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_gets_the_conflict_message_and_keeps_its_text()
    {
        using var first = await SignedInAsync(site, DemoUsers.Editor);
        using var second = await SignedInAsync(site, DemoUsers.Admin);
        var id = await CreateAsync(first, "Sida", Page("Andningsankaret", "<p>Första texten.</p>"));
        var secondForm = await second.GetPageAsync($"/admin/innehall/{id}"); // opened before the first editor saves

        await SaveOkAsync(first, id, Page("Andningsankaret", "<p>Första redaktörens ändring.</p>"));

        var token = secondForm.Token;
        var conflict = await second.ToPageAsync(await second.Http.PostAsync($"/admin/innehall/{id}?handler=Save", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["baseVersion"] = "1", ["contentItemId"] = id,
                ["c.TitlePart.Title"] = "Andningsankaret – ny titel", ["c.HtmlBodyPart.Html"] = "<p>Andra redaktörens text som inte får försvinna.</p>",
                ["c.AutoroutePart.Slug"] = "andningsankaret",
            })));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Contains("Någon annan har sparat under tiden", conflict.Text("[data-testid=conflict]"));
        Assert.Contains("Rut Redaktör sparade version 2", conflict.Text("[data-testid=conflict]"));
        Assert.Contains("Första redaktörens ändring.", conflict.Text("[data-testid=conflict] table"));
        Assert.NotEmpty(conflict.Document.QuerySelectorAll("[data-testid=conflict] ins"));
        Assert.Equal("Andningsankaret – ny titel", conflict.Document.QuerySelector<IHtmlInputElement>("#c_TitlePart_Title")!.Value);
        Assert.Contains("Andra redaktörens text som inte får försvinna.", conflict.Document.QuerySelector<IHtmlTextAreaElement>("#c_HtmlBodyPart_Html")!.Value);
        Assert.Equal("2", conflict.Document.QuerySelector<IHtmlInputElement>("input[name=baseVersion]")!.Value);
        Assert.Equal(2, await LatestVersionAsync(id));

        // Having seen the change, the second editor saves on top of it; nothing of the first is lost from history.
        var saved = await second.Http.PostAsync($"/admin/innehall/{id}?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["baseVersion"] = "2", ["contentItemId"] = id,
            ["c.TitlePart.Title"] = "Andningsankaret – ny titel", ["c.HtmlBodyPart.Html"] = "<p>Andra redaktörens text.</p>",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(3, await LatestVersionAsync(id));
    }

    [Fact]
    public async Task The_database_allows_one_latest_and_at_most_one_published_version_per_item()
    {
        using var editor = await SignedInAsync(site, DemoUsers.Editor);
        var id = await CreateAsync(editor, "Sida", Page("Unik", "<p>Text</p>"), Publish);
        foreach (var (latest, published) in new[] { (true, false), (false, true) })
        {
            var error = await Assert.ThrowsAnyAsync<DbUpdateException>(() => site.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<ContentDbContext>();
                db.ContentItemVersions.Add(new ContentItemVersionRecord
                {
                    ContentItemId = id, ContentItemVersionId = Guid.NewGuid().ToString("N"), ContentType = "Sida",
                    VersionNumber = 99, Latest = latest, Published = published, Data = "{}",
                });
                return await db.SaveChangesAsync();
            }));
            Assert.NotNull(error);
        }
    }

    [Fact]
    public async Task Unpublish_discard_clone_recycle_bin_and_hard_delete()
    {
        using var editor = await SignedInAsync(site, DemoUsers.Editor);
        using var patient = await SignedInAsync(site, DemoUsers.Patient);
        using var admin = await SignedInAsync(site, DemoUsers.Admin);
        var id = await CreateAsync(editor, "Sida", Page("Kom ihåg", "<p>Publicerad text.</p>"), Publish);
        const string url = "/innehall/kom-ihag";
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync(url)).StatusCode);

        await SaveOkAsync(editor, id, Page("Kom ihåg", "<p>Utkast som kastas.</p>"));
        var discarded = await editor.ToPageAsync(await editor.FollowAsync(await editor.SubmitAsync($"/admin/innehall/{id}",
            new Dictionary<string, string>(), "main form.form-inline", button: "button[formaction*=Discard]")));
        Assert.Contains("Utkastet är kastat", discarded.MainText);
        Assert.Contains("Publicerad text.", discarded.Document.QuerySelector<IHtmlTextAreaElement>("#c_HtmlBodyPart_Html")!.Value);

        var clone = await editor.FollowAsync(await editor.SubmitAsync($"/admin/innehall/{id}", new Dictionary<string, string>(),
            "main form.form-inline", button: "button[formaction*=Clone]"));
        var copy = await editor.ToPageAsync(clone);
        Assert.Equal("Kom ihåg (kopia)", copy.Document.QuerySelector<IHtmlInputElement>("#c_TitlePart_Title")!.Value);
        Assert.Equal("kom-ihag-kopia", copy.Document.QuerySelector<IHtmlInputElement>("#c_AutoroutePart_Slug")!.Value);

        await editor.SubmitAsync($"/admin/innehall/{id}", new Dictionary<string, string>(), "main form.form-inline",
            button: "button[formaction*=Unpublish]");
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync(url)).StatusCode);
        await SaveOkAsync(editor, id, [], Publish);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync(url)).StatusCode);

        await editor.SubmitAsync($"/admin/innehall/{id}", new Dictionary<string, string>(), "main form.form-inline", button: "[data-testid=delete]");
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/innehall/{id}")).StatusCode);
        Assert.DoesNotContain(id, (await editor.GetPageAsync("/admin/innehall?q=kom")).Document.Body!.InnerHtml);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/innehall/papperskorg")).StatusCode);

        var bin = await admin.GetPageAsync("/admin/innehall/papperskorg");
        Assert.Contains("Kom ihåg", bin.Text("[data-testid=recycle-bin]"));
        await admin.SubmitAsync("/admin/innehall/papperskorg", new Dictionary<string, string> { ["id"] = id },
            $"form:has(input[value='{id}']):has([data-testid=restore-item])", button: "[data-testid=restore-item]");
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync(url)).StatusCode); // back exactly as it was: published

        await editor.SubmitAsync($"/admin/innehall/{id}", new Dictionary<string, string>(), "main form.form-inline", button: "[data-testid=delete]");
        var refused = await admin.ToPageAsync(await admin.FollowAsync(await admin.SubmitAsync("/admin/innehall/papperskorg",
            new Dictionary<string, string>(), $"form:has(input[value='{id}']):has(button[formaction*=Destroy])", button: "button[formaction*=Destroy]")));
        Assert.Contains("Kryssa i rutan", refused.MainText);
        await admin.SubmitAsync("/admin/innehall/papperskorg", new Dictionary<string, string> { ["confirm"] = "true" },
            $"form:has(input[value='{id}']):has(button[formaction*=Destroy])", button: "button[formaction*=Destroy]");
        Assert.Equal(0, await site.WithScopeAsync(sp => sp.GetRequiredService<ContentDbContext>().ContentItemVersions.CountAsync(v => v.ContentItemId == id)));
    }

    [Fact]
    public async Task Pruning_keeps_the_newest_the_young_the_latest_and_the_published()
    {
        using var editor = await SignedInAsync(site, DemoUsers.Editor);
        var id = await CreateAsync(editor, "Sida", Page("Gallring", "<p>1</p>"), Publish);
        for (var i = 2; i <= 6; i++)
        {
            site.Clock.Advance(TimeSpan.FromDays(10));
            await editor.LoginAsync(DemoUsers.Editor); // the idle time-out has long passed
            await SaveOkAsync(editor, id, Page("Gallring", $"<p>{i}</p>"));
        }

        // Versions 1 (published) … 6 (latest), ten days apart. Keep the 2 newest or those younger than 25 days.
        var unconfirmed = await editor.ToPageAsync(await editor.FollowAsync(await editor.SubmitAsync($"/admin/innehall/{id}/historik",
            new Dictionary<string, string> { ["keep"] = "2", ["days"] = "25" }, "form[action*=Prune]")));
        Assert.Contains("Kryssa i rutan", unconfirmed.Text("[data-testid=history-error]"));
        // The form suggests the site's retention rule from the setup recipe's settings step.
        Assert.Equal(("50", "365"), (unconfirmed.Document.QuerySelector<IHtmlInputElement>("#keep")!.Value,
            unconfirmed.Document.QuerySelector<IHtmlInputElement>("#days")!.Value));
        Assert.Equal(6, unconfirmed.Document.QuerySelectorAll("[data-testid=versions] tbody tr").Length);
        var badNumber = await editor.ToPageAsync(await editor.FollowAsync(await editor.SubmitAsync($"/admin/innehall/{id}/historik",
            new Dictionary<string, string> { ["keep"] = "två", ["confirm"] = "true" }, "form[action*=Prune]")));
        Assert.Contains("ett heltal, minst 1", badNumber.Text("[data-testid=history-error]"));

        var pruned = await editor.ToPageAsync(await editor.FollowAsync(await editor.SubmitAsync($"/admin/innehall/{id}/historik",
            new Dictionary<string, string> { ["keep"] = "2", ["days"] = "25", ["confirm"] = "true" }, "form[action*=Prune]")));
        Assert.Contains("2 gamla versioner är borttagna.", pruned.MainText);
        Assert.Equal(["6", "5", "4", "1"], pruned.Document.QuerySelectorAll("[data-testid=versions] tbody tr")
            .Select(r => r.GetAttribute("data-version")).ToList());
    }

    [Fact]
    public async Task Slugs_are_transliterated_and_unique_among_siblings()
    {
        using var editor = await SignedInAsync(site, DemoUsers.Editor);
        var first = await CreateAsync(editor, "Sida", Page("Smärta & sömn – del 1", "<p>a</p>"));
        var second = await CreateAsync(editor, "Sida", Page("Smärta & sömn – del 1", "<p>b</p>"));
        var slug = (string id) => site.WithScopeAsync(sp => sp.GetRequiredService<ContentDbContext>().ContentItems
            .Where(i => i.ContentItemId == id).Select(i => i.Slug).SingleAsync());
        Assert.Equal("smarta-och-somn-del-1", await slug(first));
        Assert.Equal("smarta-och-somn-del-1-2", await slug(second));

        // Long titles: the numbered slugs are cut to fit and still found taken.
        var longTitle = new string('a', 90);
        var longSlugs = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            longSlugs.Add(await slug(await CreateAsync(editor, "Sida", Page(longTitle, "<p>lång</p>"))));
        }

        Assert.Equal([new string('a', 80), new string('a', 78) + "-2", new string('a', 78) + "-3"], longSlugs);

        var taken = await editor.ToPageAsync(await SaveAsync(editor, second, new() { ["c.AutoroutePart.Slug"] = "smarta-och-somn-del-1" }));
        Assert.Equal(HttpStatusCode.BadRequest, taken.Status);
        Assert.Contains("Adressen \"smarta-och-somn-del-1\" används redan", taken.MainText);
        var invalid = await editor.ToPageAsync(await SaveAsync(editor, second, new() { ["c.AutoroutePart.Slug"] = "Åäö Fel" }));
        Assert.Contains("t.ex. \"aao-fel\"", invalid.MainText);
    }

    [Fact]
    public async Task Saving_without_changes_makes_no_new_version_and_publishing_it_flips_the_flag()
    {
        using var editor = await SignedInAsync(site, DemoUsers.Editor);
        var id = await CreateAsync(editor, "Sida", Page("Oförändrad", "<p>Samma</p>"));
        var same = await editor.ToPageAsync(await editor.FollowAsync(await SaveAsync(editor, id, [])));
        Assert.Contains("Inga ändringar att spara; version 1 är oförändrad.", same.MainText);
        var published = await editor.ToPageAsync(await editor.FollowAsync(await SaveAsync(editor, id, [], Publish)));
        Assert.Contains("Inga ändringar i texten; version 1 är publicerad.", published.MainText);
        Assert.Equal(1, await LatestVersionAsync(id));
        using var patient = await SignedInAsync(site, DemoUsers.Patient);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync("/innehall/oforandrad")).StatusCode);
    }

    [Fact]
    public async Task A_double_submitted_create_form_makes_one_item()
    {
        using var editor = await SignedInAsync(site, DemoUsers.Editor);
        var form = await editor.GetPageAsync("/admin/innehall/ny/Sida");
        var fields = form.Document.QuerySelectorAll<IHtmlInputElement>("main form[data-testid=content-form] input[type=hidden]")
            .ToDictionary(i => i.Name!, i => i.Value);
        fields["c.TitlePart.Title"] = "Dubbelklick";
        fields["c.HtmlBodyPart.Html"] = "<p>En gång</p>";
        var first = await editor.Http.PostAsync("/admin/innehall/ny/Sida?handler=Save", new FormUrlEncodedContent(fields));
        var second = await editor.Http.PostAsync("/admin/innehall/ny/Sida?handler=Save", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var item = await editor.ToPageAsync(await editor.FollowAsync(second));
        Assert.Contains("Innehållet var redan sparat", item.MainText);
        Assert.Equal("Dubbelklick", item.Document.QuerySelector<IHtmlInputElement>("#c_TitlePart_Title")!.Value);
        Assert.Equal(1, await site.WithScopeAsync(sp => sp.GetRequiredService<ContentDbContext>().ContentItems.CountAsync(i => i.DisplayText == "Dubbelklick")));
    }

    private Task<int> LatestVersionAsync(string id) => site.WithScopeAsync(sp =>
        sp.GetRequiredService<ContentDbContext>().ContentItems.Where(i => i.ContentItemId == id).Select(i => i.LatestVersion).SingleAsync());
}

public sealed class ContentVersioningTestsSqlite(SqliteSite site) : ContentVersioningTests<SqliteSite>(site);

public sealed class ContentVersioningTestsPostgres(PostgresSite site) : ContentVersioningTests<PostgresSite>(site);
