using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.ContentManagement.Data;
using Smartskola.Recipes.Services;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Content;

/// <summary>Definitions and content go out as a recipe and come back the same; a bad recipe changes nothing.</summary>
public abstract class ContentRecipeTests<TSite, TEmpty>(TSite site, TEmpty empty)
    where TSite : SiteFactory where TEmpty : EmptySite
{
    private const string CourseType = """
        {"name": "contentDefinition", "types": [{"name": "Kurs", "displayName": "Kurs", "settings": {"securable": false},
          "parts": [{"name": "TitlePart", "kind": "TitlePart"}, {"name": "AutoroutePart", "kind": "AutoroutePart"},
                    {"name": "ListPart", "kind": "ListPart", "settings": {"ContainedTypes": "Sida"}},
                    {"name": "Kurs", "kind": "FieldsPart", "fields": [
                      {"name": "Veckor", "kind": "NumericField", "displayName": "Antal veckor"},
                      {"name": "Start", "kind": "DateField", "displayName": "Startdatum"},
                      {"name": "Ovning", "kind": "ContentPickerField", "displayName": "Övning", "settings": {"ContentTypes": "Sida"}},
                      {"name": "Mer", "kind": "LinkField", "displayName": "Läs mer"},
                      {"name": "Aktiv", "kind": "BooleanField", "displayName": "Aktiv"}]}]}]}
        """;

    [Fact]
    public async Task Exported_definitions_and_content_import_into_an_empty_site_unchanged()
    {
        using var admin = await SignedInAsync(site, DemoUsers.Admin);
        var imported = await UploadAsync(admin, $$"""{"name": "kurs", "steps": [{{CourseType}}]}""");
        Assert.Contains("Receptet är importerat.", imported.MainText);

        using var editor = await SignedInAsync(site, DemoUsers.Editor);
        var course = await CreateAsync(editor, "Kurs", new()
        {
            ["c.TitlePart.Title"] = "Sömnskola", ["c.Kurs.Veckor.Value"] = "6", ["c.Kurs.Start.Value"] = "2027-01-11",
            ["c.Kurs.Mer.Url"] = "https://www.1177.se", ["c.Kurs.Mer.Text"] = "1177", ["c.Kurs.Aktiv.Value"] = "true",
        }, Publish);
        var first = await CreateAsync(editor, "Sida", new() { ["c.TitlePart.Title"] = "Vecka 1", ["c.HtmlBodyPart.Html"] = "<p>Början</p>" }, Publish, course);
        await SaveOkAsync(editor, first, new() { ["c.HtmlBodyPart.Html"] = "<p>Början, nu med <em>mer</em>.</p>" });
        var second = await CreateAsync(editor, "Sida", new() { ["c.TitlePart.Title"] = "Vecka 2", ["c.HtmlBodyPart.Html"] = "<p>Fortsättning</p>" }, container: course);
        await SaveOkAsync(editor, course, new() { ["c.Kurs.Ovning.ContentItemIds"] = first });
        var binned = await CreateAsync(editor, "Sida", new() { ["c.TitlePart.Title"] = "Borttagen", ["c.HtmlBodyPart.Html"] = "<p>x</p>" }, Publish);
        await editor.SubmitAsync($"/admin/innehall/{binned}", new Dictionary<string, string>(), "main form.form-inline", button: "[data-testid=delete]");

        // The public page of the course lists its published children in order, with working links.
        using var patient = await SignedInAsync(site, DemoUsers.Patient);
        var coursePage = await patient.GetPageAsync("/innehall/somnskola");
        Assert.Equal(["Vecka 1"], coursePage.Document.QuerySelectorAll(".content-list a").Select(a => a.TextContent).ToList());
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync("/innehall/somnskola/vecka-1")).StatusCode);
        Assert.Contains("11 januari 2027", coursePage.MainText);

        // A draft's new title stays out of patients' lists and breadcrumbs until it is published.
        await SaveOkAsync(editor, first, new() { ["c.TitlePart.Title"] = "HEMLIGT UTKAST" });
        await SaveOkAsync(editor, course, new() { ["c.TitlePart.Title"] = "HEMLIG KURS" });
        var stillPublic = await patient.GetPageAsync("/innehall/somnskola");
        Assert.Equal(["Vecka 1"], stillPublic.Document.QuerySelectorAll(".content-list a").Select(a => a.TextContent).ToList());
        var week = await patient.GetPageAsync("/innehall/somnskola/vecka-1");
        Assert.Equal("Sömnskola", week.Text(".breadcrumb a"));
        Assert.DoesNotContain("HEMLIG", week.Document.Body!.TextContent);

        var exportForm = await admin.GetPageAsync("/admin/innehall/export");
        var token = exportForm.Token;
        var export = await admin.Http.PostAsync("/admin/innehall/export", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("definitions", "Kurs"), new("definitions", "Sida"),
            new("items", "Kurs"), new("items", "Sida"), new("recycleBin", "true"),
        ]));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        var recipe = await export.Content.ReadAsByteArrayAsync();

        await empty.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<RecipeRunner>().RunAsync(recipe, Path.GetTempPath(), isSetup: false);
            return 0;
        });

        Assert.Equal(await SnapshotAsync(site), await SnapshotAsync(empty));
        Assert.Contains("\"Vecka 2\"", await SnapshotAsync(empty));
        Assert.Contains(binned, await SnapshotAsync(empty));

        // Imported with their history (no content events), the items are still found by search.
        var hits = await empty.WithScopeAsync(sp => sp.GetRequiredService<Smartskola.Search.Querying.SearchService>()
            .SearchAsync(new Smartskola.Search.Querying.SearchRequest("fortsättningen", Smartskola.Search.Data.SearchScope.Latest)));
        Assert.Contains(hits, h => h.Title == "Vecka 2");
    }

    [Fact]
    public async Task An_invalid_recipe_is_refused_whole_with_messages_naming_step_and_field()
    {
        using var admin = await SignedInAsync(site, DemoUsers.Admin);
        var typesBefore = await CountAsync(site, db => db.ContentTypes);
        var invalid = await UploadAsync(admin, """
            {"name": "fel", "steps": [
              {"name": "contentDefinition", "types": [{"name": "Ny", "displayName": "Ny", "parts": [{"name": "TitlePart", "kind": "TitlePart"}]}]},
              {"name": "content", "items": [
                {"contentType": "Finns", "contentItemId": "kortid", "content": {}},
                {"contentType": "Ny", "versions": [{"versionNumber": 1, "latest": true, "content": {}}, {"versionNumber": 2, "latest": true, "content": {}}]}]}]}
            """);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        var errors = invalid.Document.QuerySelectorAll("[data-testid=import-errors] li").Select(li => li.TextContent).ToList();
        Assert.Contains("steps[1] (content): items[0]: 'contentType' 'Finns' finns inte (varken på webbplatsen eller tidigare i receptet).", errors);
        Assert.Contains("steps[1] (content): items[1].versions: exakt en version ska ha 'latest': true.", errors);
        Assert.Contains(errors, e => e.StartsWith("steps[1] (content): items[0]: 'contentItemId' 'kortid' är ogiltigt", StringComparison.Ordinal));
        Assert.Equal(typesBefore, await CountAsync(site, db => db.ContentTypes));

        // Valid on paper, but the second step fails while running: the first step's type is rolled back too.
        var failing = await UploadAsync(admin, """
            {"name": "halvt", "steps": [
              {"name": "contentDefinition", "types": [{"name": "Halv", "displayName": "Halv", "parts": [{"name": "TitlePart", "kind": "TitlePart"}]}]},
              {"name": "content", "items": [{"contentType": "Halv", "container": "saknas", "content": {"TitlePart": {"title": "x"}}}]}]}
            """);
        Assert.Contains("items[0]: 'container' 'saknas' finns inte", failing.MainText);
        Assert.Equal(typesBefore, await CountAsync(site, db => db.ContentTypes));
        Assert.Equal(0, await CountAsync(site, db => db.ContentItems.Where(i => i.ContentType == "Halv")));
    }

    private static async Task<Page> UploadAsync(SiteClient client, string json)
    {
        var form = await client.GetPageAsync("/admin/recept");
        var token = form.Token;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", "recept.json" },
        };
        return await client.ToPageAsync(await client.FollowAsync(await client.Http.PostAsync("/admin/recept", content)));
    }

    private static Task<int> CountAsync<T>(SiteFactory factory, Func<ContentDbContext, IQueryable<T>> query) =>
        factory.WithScopeAsync(sp => query(sp.GetRequiredService<ContentDbContext>()).CountAsync());

    /// <summary>Everything the content tables hold, as comparable JSON (database ids left out).</summary>
    /// <summary>The exported types (the site's other content, such as the program, is not part of the export).</summary>
    private static readonly string[] Exported = ["Kurs", "Sida"];

    private static Task<string> SnapshotAsync(SiteFactory factory) => factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ContentDbContext>();
        var types = await db.ContentTypes.Where(t => Exported.Contains(t.Name)).OrderBy(t => t.Name)
            .Select(t => new { t.Name, t.DisplayName, t.DefinitionJson }).ToListAsync();
        var items = (await db.ContentItems.Where(i => Exported.Contains(i.ContentType)).ToListAsync()).OrderBy(i => i.ContentItemId).Select(i => new
        {
            i.ContentItemId, i.ContentType, i.DisplayText, i.Slug, i.PublishedSlug, i.ContainerId, i.Order, i.Status,
            i.LatestVersion, i.PublishedVersion, i.Owner, i.OwnerName, i.CreatedUtc, i.ModifiedUtc, i.PublishedUtc, Deleted = i.DeletedUtc != null,
        });
        var versions = (await db.ContentItemVersions.Where(v => Exported.Contains(v.ContentType)).ToListAsync()).OrderBy(v => v.ContentItemId).ThenBy(v => v.VersionNumber).Select(v => new
        {
            v.ContentItemId, v.ContentItemVersionId, v.VersionNumber, v.Latest, v.Published, v.Author, v.AuthorName,
            v.CreatedUtc, v.ModifiedUtc, v.PublishedUtc, v.Note, v.Data,
        });
        return JsonSerializer.Serialize(new { types, items, versions }, new JsonSerializerOptions { WriteIndented = true });
    });
}

public sealed class ContentRecipeTestsSqlite(SqliteSite site, EmptySqliteSite empty)
    : ContentRecipeTests<SqliteSite, EmptySqliteSite>(site, empty), IClassFixture<SqliteSite>, IClassFixture<EmptySqliteSite>;

public sealed class ContentRecipeTestsPostgres(PostgresSite site, EmptyPostgresSite empty)
    : ContentRecipeTests<PostgresSite, EmptyPostgresSite>(site, empty), IClassFixture<PostgresSite>, IClassFixture<EmptyPostgresSite>;
