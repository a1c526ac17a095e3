using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Smartskola.Core.Audit;
using Smartskola.Tests.Enrolment;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Browser;

/// <summary>The program in Chromium: WCAG 2.1 AA on the patient pages, the audio player, and an editor's media round trip.</summary>
public sealed class ProgramBrowserTests(BrowserSite site) : BrowserTest(site)
{
    [Theory]
    [InlineData("/program")]
    [InlineData("/program/modul/1")]
    [InlineData("/program/modul/1/introduktion-vad-ar-smarta")]
    [InlineData("/program/modul/3/att-vara-fysiskt-aktiv-vid-smarta")]
    [InlineData("/program/ovningar")]
    [InlineData("/program/ovningar/kroppsscanning")]
    [InlineData("/program/sok?q=s%C3%B6mnen")]
    public async Task Patient_pages_have_no_WCAG_2_1_AA_violations(string path)
    {
        var page = await SignedInPageAsync(DemoUsers.Patient, bypassCsp: true);
        var response = await page.GotoAsync(Site.BaseUrl + path);
        Assert.Equal(200, response!.Status);

        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{path}: " + string.Join(" | ", violations));
    }

    [Fact]
    public async Task The_log_extract_lists_a_units_access_and_has_no_WCAG_2_1_AA_violations()
    {
        var patient = await Site.PatientForAsync(await Site.UserIdAsync(DemoUsers.Patient));
        var north = await Site.UnitIdAsync(DemoUsers.UnitNorth);
        await Site.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IAuditLog>().WriteAsync(new AuditEvent("patient.view", "Patient", patient.Id.ToString())
                { SubjectPatientId = patient.Id, UnitId = north, ActorUserId = Guid.NewGuid(), ActorName = "Behandlare" });
            return 0;
        });

        var page = await SignedInPageAsync(DemoUsers.Patient, bypassCsp: true);
        var response = await page.GotoAsync(Site.BaseUrl + "/program/loggutdrag");
        Assert.Equal(200, response!.Status);
        Assert.Contains("Primärvårdsrehabiliteringen norra", await page.GetByTestId("log-extract").InnerTextAsync());
        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, "/program/loggutdrag: " + string.Join(" | ", violations));
    }

    [Fact]
    public async Task The_audio_player_changes_speed_from_the_keyboard_and_resumes_where_the_listener_stopped()
    {
        var page = await SignedInPageAsync(DemoUsers.Patient);
        await page.GotoAsync(Site.BaseUrl + "/program/ovningar/kroppsscanning");
        var audio = page.Locator("[data-testid=audio-player] audio");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=audio-player] audio').readyState >= 1");

        var speed = page.GetByLabel("Hastighet");
        await speed.FocusAsync();
        await page.Keyboard.PressAsync("End"); // last option: 1,5×
        Assert.Equal(1.5, await audio.EvaluateAsync<double>("a => a.playbackRate"));

        await audio.EvaluateAsync("a => { a.currentTime = 20; a.dispatchEvent(new Event('timeupdate')); }");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=audio-player] audio').currentTime > 19");
        Assert.Contains("Fortsätter där du slutade (0:20)", await page.Locator("[data-audio-resume]").InnerTextAsync());
        Assert.Equal(1.5, await audio.EvaluateAsync<double>("a => a.playbackRate"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Börja om från början" }).ClickAsync();
        Assert.Equal(0, await audio.EvaluateAsync<double>("a => a.currentTime"));
    }

    [Fact]
    public async Task An_uploaded_image_loses_its_exif_gets_derivatives_and_reaches_the_patient_once_published_with_alt_text()
    {
        var editor = await SignedInPageAsync(DemoUsers.Editor);
        await editor.GotoAsync(Site.BaseUrl + "/admin/media");
        var original = TestMedia.WithExifGps(await TestMedia.JpegAsync(1200, 800));
        await editor.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "Ryggen i rörelse.jpg", MimeType = "image/jpeg", Buffer = original });
        await editor.GetByRole(AriaRole.Textbox, new() { Name = "Mapp", Exact = true }).FillAsync("bilder");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Ladda upp" }).ClickAsync();
        await editor.WaitForURLAsync(new Regex("/admin/media/[0-9a-f]{32}$"));

        var derivatives = editor.GetByTestId("derivatives").Locator("a");
        Assert.Equal(["320", "640", "1024"], await derivatives.EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.width)"));
        var webp = await editor.APIRequest.GetAsync(Site.BaseUrl + await derivatives.Nth(1).GetAttributeAsync("href"));
        Assert.Equal("image/webp", webp.Headers["content-type"]);
        var stored = await editor.APIRequest.GetAsync(Site.BaseUrl + "/media/bilder/ryggen-i-rorelse.jpg");
        Assert.True(stored.Ok, $"stored original: {stored.Status}");
        var body = await stored.BodyAsync();
        Assert.True(original.AsSpan().IndexOf("Exif"u8) >= 0, "the test image must carry EXIF to begin with");
        Assert.True(body.AsSpan().IndexOf("Exif"u8) < 0, "EXIF left in the stored image");
        Assert.True(body.AsSpan().IndexOf("GPS"u8) < 0, "GPS left in the stored image");

        // Into a section: publishing without alt text is refused, with alt text it goes through.
        await editor.GotoAsync(Site.BaseUrl + "/admin/innehall/5a0d1e000000000000000000000a0102");
        await editor.Locator("#c_Avsnitt_Bild_Path").SelectOptionAsync(new SelectOptionValue { Value = "bilder/ryggen-i-rorelse.jpg" });
        await editor.GetByTestId("publish").ClickAsync();
        Assert.Contains("saknar alternativtext", await editor.GetByTestId("content-error").InnerTextAsync());
        await editor.Locator("#c_Avsnitt_Bild_Alt").FillAsync("En person sträcker på ryggen vid skrivbordet");
        await editor.GetByTestId("publish").ClickAsync();
        await editor.GetByText(new Regex("är sparad och publicerad")).WaitForAsync();

        var patient = await SignedInPageAsync(DemoUsers.Patient);
        await patient.GotoAsync(Site.BaseUrl + "/program/modul/1/om-programmet");
        var image = patient.GetByRole(AriaRole.Img, new() { Name = "En person sträcker på ryggen vid skrivbordet" });
        await image.ScrollIntoViewIfNeededAsync();
        await patient.WaitForFunctionAsync("() => [...document.images].some(i => i.alt.startsWith('En person') && i.complete && i.naturalWidth > 0)");
        Assert.Contains("/media/_w/", await image.GetAttributeAsync("srcset"));
    }

    [Fact]
    public async Task A_film_without_captions_cannot_be_published_and_the_editor_is_told_why()
    {
        var editor = await SignedInPageAsync(DemoUsers.Editor);
        await editor.GotoAsync(Site.BaseUrl + "/admin/media");
        await editor.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "rorelse.mp4", MimeType = "video/mp4", Buffer = await TestMedia.Mp4Async() });
        await editor.GetByRole(AriaRole.Textbox, new() { Name = "Mapp", Exact = true }).FillAsync("film");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Ladda upp" }).ClickAsync();
        await editor.WaitForURLAsync(new Regex("/admin/media/[0-9a-f]{32}$"));

        await editor.GotoAsync(Site.BaseUrl + "/admin/innehall/5a0d1e000000000000000000000a0105");
        await editor.Locator("#c_Avsnitt_Film_Path").SelectOptionAsync(new SelectOptionValue { Value = "film/rorelse.mp4" });
        await editor.GetByTestId("publish").ClickAsync();
        Assert.Contains("filmen film/rorelse.mp4 saknar undertexter", await editor.GetByTestId("content-error").InnerTextAsync());
        // Saved as a draft instead, the warning stays above the editor until captions are linked.
        await editor.GetByTestId("save-draft").ClickAsync();
        Assert.Contains("saknar undertexter", await editor.GetByTestId("content-warnings").InnerTextAsync());

        var patient = await SignedInPageAsync(DemoUsers.Patient);
        await patient.GotoAsync(Site.BaseUrl + "/program/modul/1/hur-kan-en-smarta-bli-langvarig");
        Assert.Equal(0, await patient.Locator("video").CountAsync());
    }

    [Fact]
    public async Task The_editor_shows_a_live_LIX_score_for_each_text()
    {
        var editor = await SignedInPageAsync(DemoUsers.Editor);
        await editor.GotoAsync(Site.BaseUrl + "/admin/innehall/ny/Sida");
        var score = editor.Locator("[data-testid=lix]").First;
        await score.WaitForAsync();
        Assert.Contains("skriv text", await score.InnerTextAsync());
        var body = editor.Locator(".rte [contenteditable=true]").First;
        await body.ClickAsync();
        await editor.Keyboard.TypeAsync("Du får vila. Det hjälper. Gå ut en stund.");
        await Microsoft.Playwright.Assertions.Expect(score).ToContainTextAsync("mycket lättläst");
        await editor.Keyboard.InsertTextAsync(" Rehabiliteringsprogrammets arbetsterapeutiska interventioner förutsätter kontinuerlig uppföljning tillsammans med behandlingsansvariga sjukgymnaster och arbetsterapeuter inom primärvårdsrehabiliteringen");
        await Microsoft.Playwright.Assertions.Expect(score).ToHaveTextAsync(new Regex(@"LIX\): ([5-9]\d|\d{3}) – (svår|mycket svår)\."));
    }
}
