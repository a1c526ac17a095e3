using System.Net;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Content;

/// <summary>Content types are data: an administrator builds one in the UI and editors use it at once.</summary>
public abstract class ContentTypeAdminTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task An_administrator_defines_Patientberattelse_and_an_editor_drafts_and_publishes_one()
    {
        using var admin = await SignedInAsync(site, DemoUsers.Admin);
        var created = await admin.SubmitAsync("/admin/innehallstyper",
            new Dictionary<string, string> { ["displayName"] = "Patientberättelse", ["parts"] = "TitlePart" });
        Assert.Equal("/admin/innehallstyper/Patientberattelse", created.Headers.Location!.OriginalString);
        Assert.Contains(await site.EntriesAsync("content-type.create"), e => e.EntityId == "Patientberattelse");
        await admin.SubmitAsync("/admin/innehallstyper/Patientberattelse",
            new Dictionary<string, string> { ["kind"] = "HtmlBodyPart" }, submitHandler: "AddPart");
        var withField = await admin.ToPageAsync(await admin.FollowAsync(await admin.SubmitAsync(
            "/admin/innehallstyper/Patientberattelse",
            new Dictionary<string, string> { ["fieldDisplayName"] = "Vem berättar", ["kind"] = "TextField", ["part"] = "" },
            submitHandler: "AddField")));
        Assert.Contains("Fältet är tillagt.", withField.MainText);
        var parts = withField.Document.QuerySelectorAll("[data-testid=parts] > li").Select(li => li.GetAttribute("data-part")).ToList();
        Assert.Equal(["TitlePart", "HtmlBodyPart", "Patientberattelse"], parts);
        Assert.Contains("Vem berättar", withField.Text("[data-part=Patientberattelse]"));

        using var editor = await SignedInAsync(site, DemoUsers.Editor);
        var list = await editor.GetPageAsync("/admin/innehall");
        Assert.NotNull(list.Document.QuerySelector("[data-testid=create-Patientberattelse]"));
        var id = await CreateAsync(editor, "Patientberattelse", new()
        {
            ["c.TitlePart.Title"] = "Att leva med smärta",
            ["c.HtmlBodyPart.Html"] = "<p>Jag började gå <strong>korta promenader</strong> varje dag.</p>",
            ["c.Patientberattelse.VemBerattar.Text"] = "Anna, 54 år",
        });

        using var patient = await SignedInAsync(site, DemoUsers.Patient);
        var publicUrl = $"/innehall/objekt/{id}";
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync(publicUrl)).StatusCode);

        var draft = await editor.GetPageAsync($"/admin/innehall/{id}");
        Assert.Contains("Utkast", draft.Text("[data-testid=content-status]"));
        await SaveOkAsync(editor, id, [], Publish);

        Assert.Contains(await site.EntriesAsync("content.publish"), e => e.EntityId == id);
        var shown = await patient.GetPageAsync(publicUrl);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Equal("Att leva med smärta", shown.Text("main h1"));
        Assert.Contains("Jag började gå korta promenader varje dag.", shown.MainText);
        Assert.Equal("korta promenader", shown.Text("[data-testid=content-item] strong"));
        // The patient theme overrides the body's partial by file name (Views/Content/Patient/HtmlBodyPart.cshtml).
        Assert.NotNull(shown.Document.QuerySelector("[data-testid=content-item] .content-body.prose"));
        Assert.Contains("Anna, 54 år", shown.MainText);
    }

    [Fact]
    public async Task Parts_and_fields_can_be_reordered_removed_and_configured_and_a_stale_form_changes_nothing()
    {
        using var admin = await SignedInAsync(site, DemoUsers.Admin);
        await admin.SubmitAsync("/admin/innehallstyper",
            new Dictionary<string, string> { ["displayName"] = "Övningskort", ["parts"] = "TitlePart" });
        const string url = "/admin/innehallstyper/Ovningskort";
        await admin.SubmitAsync(url, new Dictionary<string, string> { ["kind"] = "AutoroutePart" }, submitHandler: "AddPart");
        await admin.SubmitAsync(url, new Dictionary<string, string> { ["fieldDisplayName"] = "Minuter", ["kind"] = "NumericField" },
            submitHandler: "AddField");
        await admin.SubmitAsync(url, new Dictionary<string, string> { ["fieldDisplayName"] = "Syfte", ["kind"] = "TextField" },
            submitHandler: "AddField");

        var page = await admin.GetPageAsync(url);
        var stale = page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=revision]")!.Value;
        await admin.SubmitAsync(url, new Dictionary<string, string>(), "[data-part=AutoroutePart] > form", button: "[aria-label='Flytta upp delen AutoroutePart']");
        await admin.SubmitAsync(url, new Dictionary<string, string>
        {
            ["fieldDisplayName"] = "Längd", ["s.Minimum"] = "1", ["s.Maximum"] = "60",
            ["s.Required"] = "true", ["s.Unit"] = "min",
        }, "[data-field=Minuter] form[action*=FieldSettings]");
        await admin.SubmitAsync(url, new Dictionary<string, string>(), "[data-field=Syfte] > form", button: "[aria-label='Ta bort fältet Syfte']");

        var after = await admin.GetPageAsync(url);
        Assert.Equal(["AutoroutePart", "TitlePart", "Ovningskort"],
            after.Document.QuerySelectorAll("[data-testid=parts] > li").Select(li => li.GetAttribute("data-part")).ToList());
        Assert.Equal(["Minuter"], after.Document.QuerySelectorAll("[data-part=Ovningskort] [data-field]").Select(f => f.GetAttribute("data-field")).ToList());
        Assert.Contains("Längd", after.Text("[data-part=Ovningskort]"));

        var refused = await admin.ToPageAsync(await admin.FollowAsync(await admin.SubmitAsync(url,
            new Dictionary<string, string> { ["revision"] = stale, ["kind"] = "HtmlBodyPart" }, submitHandler: "AddPart")));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("har ändrats av någon annan", refused.Text("[data-testid=type-error]"));
        var duplicate = await admin.ToPageAsync(await admin.SubmitAsync(url,
            new Dictionary<string, string> { ["fieldDisplayName"] = "Minuter", ["kind"] = "TextField" }, submitHandler: "AddField"));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.Status);
        Assert.Contains("Delen har redan ett fält som heter Minuter.", duplicate.Text("[data-testid=type-error]"));
        Assert.Equal("Minuter", duplicate.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#fieldDisplayName")!.Value);
        Assert.Null(refused.Document.QuerySelector("[data-part=HtmlBodyPart]"));

        // The field's new settings are enforced in the editor: a required number between 1 and 60.
        using var editor = await SignedInAsync(site, DemoUsers.Editor);
        var invalid = await editor.ToPageAsync(await editor.SubmitAsync("/admin/innehall/ny/Ovningskort",
            new Dictionary<string, string> { ["c.TitlePart.Title"] = "Andrum", ["c.Ovningskort.Minuter.Value"] = "90" },
            "main form[data-testid=content-form]", button: SaveDraft));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Contains("Längd får inte vara större än 60.", invalid.MainText);
        Assert.Equal("Andrum", invalid.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#c_TitlePart_Title")!.Value);
        var notANumber = await editor.ToPageAsync(await editor.SubmitAsync("/admin/innehall/ny/Ovningskort",
            new Dictionary<string, string> { ["c.TitlePart.Title"] = "Andrum", ["c.Ovningskort.Minuter.Value"] = "fem" },
            "main form[data-testid=content-form]", button: SaveDraft));
        Assert.Contains("Längd måste vara ett tal, t.ex. 12 eller 7,5.", notANumber.MainText);
        Assert.Equal("fem", notANumber.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#c_Ovningskort_Minuter_Value")!.Value);
        var badSetting = await admin.ToPageAsync(await admin.FollowAsync(await admin.SubmitAsync(url,
            new Dictionary<string, string> { ["fieldDisplayName"] = "Längd", ["s.Minimum"] = "tio" }, "[data-field=Minuter] form[action*=FieldSettings]")));
        Assert.Contains("Minsta värde måste vara ett tal (nu \"tio\"). Inget sparades.", badSetting.Text("[data-testid=type-error]"));
        var id = await CreateAsync(editor, "Ovningskort", new() { ["c.TitlePart.Title"] = "Andrum i vardagen", ["c.Ovningskort.Minuter.Value"] = "3,5" });
        var saved = await editor.GetPageAsync($"/admin/innehall/{id}");
        Assert.Equal("andrum-i-vardagen", saved.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#c_AutoroutePart_Slug")!.Value);
        Assert.Equal("3,5", saved.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#c_Ovningskort_Minuter_Value")!.Value);
    }

    [Fact]
    public async Task Invalid_names_and_duplicate_types_get_a_Swedish_message()
    {
        using var admin = await SignedInAsync(site, DemoUsers.Admin);
        var bad = await admin.ToPageAsync(await admin.SubmitAsync("/admin/innehallstyper",
            new Dictionary<string, string> { ["displayName"] = "Test", ["name"] = "1-fel namn" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Typnamnet '1-fel namn' är ogiltigt.", bad.MainText);
        var duplicate = await admin.ToPageAsync(await admin.SubmitAsync("/admin/innehallstyper",
            new Dictionary<string, string> { ["displayName"] = "Sida" }));
        Assert.Contains("Det finns redan en typ med det tekniska namnet Sida.", duplicate.MainText);
    }
}

public sealed class ContentTypeAdminTestsSqlite(SqliteSite site) : ContentTypeAdminTests<SqliteSite>(site);

public sealed class ContentTypeAdminTestsPostgres(PostgresSite site) : ContentTypeAdminTests<PostgresSite>(site);
