using Microsoft.Playwright;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Browser;

/// <summary>The content editor in Chromium: the Tiptap editor, two editors at once, and stored scripts that never run.</summary>
public sealed class ContentEditorBrowserTests(BrowserSite site) : BrowserTest(site)
{
    [Fact]
    public async Task Two_browser_sessions_edit_one_item_and_the_second_save_gets_the_conflict_with_its_text_kept()
    {
        var first = await SignedInPageAsync(DemoUsers.Editor);
        await first.GotoAsync(Site.BaseUrl + "/admin/innehall/ny/Sida");
        await first.GetByRole(AriaRole.Textbox, new() { Name = "Titel", Exact = true }).FillAsync("Kroppsscanning");
        await RichTextAsync(first).FillAsync("Ligg bekvämt och låt uppmärksamheten vandra genom kroppen.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await first.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/innehall/[0-9a-f]{32}$"));
        var itemUrl = first.Url;

        var second = await SignedInPageAsync(DemoUsers.Admin);
        await second.GotoAsync(itemUrl);

        await first.GetByRole(AriaRole.Textbox, new() { Name = "Titel", Exact = true }).FillAsync("Kroppsscanning – kort version");
        await first.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await first.GetByText("Utkastet är sparat som version 2.").WaitForAsync();

        var editor = RichTextAsync(second);
        await editor.ClickAsync();
        await second.Keyboard.PressAsync("End");
        await second.Keyboard.TypeAsync(" Andas lugnt.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();

        var alert = second.GetByTestId("conflict");
        await alert.WaitForAsync();
        Assert.Contains("Någon annan har sparat under tiden", await alert.InnerTextAsync());
        Assert.Contains("Rut Redaktör sparade version 2", await alert.InnerTextAsync());
        Assert.Equal("conflict", await second.EvaluateAsync<string?>("() => document.activeElement?.dataset.testid ?? null"));
        Assert.Contains("Andas lugnt.", await RichTextAsync(second).InnerTextAsync());
        Assert.Contains("Andas lugnt.", await second.Locator("#c_HtmlBodyPart_Html").InputValueAsync());
        Assert.Equal("Kroppsscanning", await second.GetByRole(AriaRole.Textbox, new() { Name = "Titel", Exact = true }).InputValueAsync());

        // Having seen the change, the second editor takes over the new title and saves on top.
        await second.GetByRole(AriaRole.Textbox, new() { Name = "Titel", Exact = true }).FillAsync("Kroppsscanning – kort version");
        await second.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await second.GetByText("Utkastet är sparat som version 3.").WaitForAsync();
        Assert.Contains("Andas lugnt.", await RichTextAsync(second).InnerTextAsync());
    }

    [Fact]
    public async Task A_stored_script_payload_never_runs_in_the_admin_or_the_patient_view()
    {
        var editor = await SignedInPageAsync(DemoUsers.Editor);
        var dialogs = new List<string>();
        editor.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        await editor.GotoAsync(Site.BaseUrl + "/admin/innehall/ny/Sida");
        await editor.GetByRole(AriaRole.Textbox, new() { Name = "Titel", Exact = true }).FillAsync("Farlig </title><script>window.__xss='titel'</script>");
        // Straight into the form field, past the editor's own cleaning: the server must not trust the browser.
        await editor.Locator("#c_HtmlBodyPart_Html").EvaluateAsync("(t, html) => { t.value = html; }", Payload);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publicera" }).ClickAsync();
        await editor.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/innehall/[0-9a-f]{32}$"));
        var id = editor.Url.Split('/')[^1];
        await AssertNoScriptRanAsync(editor, "redigering");

        foreach (var url in new[] { $"/admin/innehall/{id}/forhandsgranska", $"/admin/innehall/{id}/historik", $"/admin/innehall/{id}/jamfor?fran=1&till=1" })
        {
            await editor.GotoAsync(Site.BaseUrl + url);
            await AssertNoScriptRanAsync(editor, url);
        }

        var patient = await SignedInPageAsync(DemoUsers.Patient);
        patient.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        var response = await patient.GotoAsync(Site.BaseUrl + "/innehall/farlig-title-script-window-xss-titel-script");
        Assert.Equal(200, response!.Status);
        Assert.Contains("Trygg text", await patient.GetByTestId("content-item").InnerTextAsync());
        await patient.GetByText("klicka här").ClickAsync();
        await AssertNoScriptRanAsync(patient, "patientvy");
        var markup = await patient.GetByTestId("content-item").InnerHTMLAsync();
        foreach (var forbidden in new[] { "<script", "onerror", "onload", "ontoggle", "javascript:", "<iframe", "<svg", "style=" })
        {
            Assert.DoesNotContain(forbidden, markup, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task Markup_the_editor_cannot_show_is_edited_as_HTML_instead_of_being_dropped()
    {
        var editor = await SignedInPageAsync(DemoUsers.Editor);
        await editor.GotoAsync(Site.BaseUrl + "/admin/innehall/ny/Sida");
        await editor.GetByRole(AriaRole.Textbox, new() { Name = "Titel", Exact = true }).FillAsync("Veckoschema");
        await editor.Locator("#c_HtmlBodyPart_Html").EvaluateAsync("(t) => { t.value = '<table><caption>Schema</caption><tbody><tr><td>Vecka 1</td></tr></tbody></table><p class=\"align-center\">Mitten</p>'; }");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await editor.GetByText("Utkastet är sparat som version 1.").WaitForAsync();

        var source = editor.Locator("#c_HtmlBodyPart_Html");
        Assert.True(await source.IsVisibleAsync());
        Assert.Contains("inte kan visa", await editor.Locator(".rte-notice").InnerTextAsync());
        Assert.Equal(0, await editor.Locator(".rte").CountAsync());
        await source.FillAsync((await source.InputValueAsync()).Replace("Vecka 1", "Vecka 1 och 2", StringComparison.Ordinal));
        await editor.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await editor.GetByText("Utkastet är sparat som version 2.").WaitForAsync();
        var saved = await editor.Locator("#c_HtmlBodyPart_Html").InputValueAsync();
        Assert.Contains("<caption>Schema</caption>", saved);
        Assert.Contains("Vecka 1 och 2", saved);
        Assert.Contains("class=\"align-center\"", saved);
    }

    [Fact]
    public async Task A_refused_save_moves_focus_to_the_message_which_links_to_the_field()
    {
        var editor = await SignedInPageAsync(DemoUsers.Editor);
        await editor.GotoAsync(Site.BaseUrl + "/admin/innehall/ny/Sida");
        await RichTextAsync(editor).FillAsync("Text utan titel.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();

        var alert = editor.GetByTestId("content-error");
        await alert.WaitForAsync();
        Assert.Equal("content-error", await editor.EvaluateAsync<string?>("() => document.activeElement?.dataset.testid ?? null"));
        await alert.GetByRole(AriaRole.Link, new() { Name = "Titel" }).ClickAsync();
        Assert.Equal("c_TitlePart_Title", await editor.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Contains("Text utan titel.", await RichTextAsync(editor).InnerTextAsync());
    }

    private const string Payload = """
        <p>Trygg text</p>
        <script>window.__xss = 'script'</script>
        <img src="x" onerror="window.__xss = 'img'">
        <p><a href="javascript:window.__xss = 'lank'">klicka här</a></p>
        <svg onload="window.__xss = 'svg'"></svg>
        <iframe srcdoc="<script>parent.__xss = 'iframe'</script>"></iframe>
        <details open ontoggle="window.__xss = 'details'"><summary>x</summary></details>
        <p style="background:url(javascript:window.__xss='stil')">stil</p>
        <math><mtext><table><mglyph><style><img src=x onerror="window.__xss='mxss'">
        """;

    private static async Task AssertNoScriptRanAsync(IPage page, string where)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var xss = await page.EvaluateAsync<string?>("() => window.__xss ?? null");
        Assert.True(xss is null, $"A stored script ran in {where}: {xss}");
    }

    private static ILocator RichTextAsync(IPage page) =>
        page.GetByRole(AriaRole.Textbox, new() { Name = "Brödtext (formaterad)" });
}
