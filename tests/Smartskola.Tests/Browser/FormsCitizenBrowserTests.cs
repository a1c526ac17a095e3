using Microsoft.Playwright;
using Smartskola.Forms.Citizen;
using Smartskola.Forms.Definitions;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Forms.AnsweringSeed;

namespace Smartskola.Tests.Browser;

/// <summary>
/// The public citizen form in Chromium: the designer opens the link, an anonymous visitor on a phone answers it, the
/// owning unit's clinician reads it in the inbox. The minimum fill time is met by moving the site's test clock on
/// (<see cref="CitizenGuard.MinimumFillTime"/>), as the HTTP citizen tests do; the guard itself is unchanged.
/// </summary>
public sealed class FormsCitizenBrowserTests(BrowserSite site) : BrowserTest(site)
{
    private const string Pain = "Beskriv din smärta";
    private const string Since = "Hur länge har du haft ont?";

    private static readonly BrowserNewContextOptions Phone = new()
    {
        Locale = "sv-SE", BypassCSP = true, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
    };

    private static FormDefinition ContactForm() => new()
    {
        Intro = "Berätta kort om din smärta.",
        Items =
        [
            new FormItem { Id = "f1", Type = FormItemType.LongText, Text = Pain, Required = true, Help = "Var gör det ont och när?" },
            new FormItem { Id = "f2", Type = FormItemType.ShortText, Text = Since },
        ],
        NextId = 3,
    };

    /// <summary>The designer turns the link on at /admin/formular/{id}/invanarlank; returns the link's address.</summary>
    private async Task<string> OpenLinkAsync(string templateId)
    {
        var designer = await SignedInPageAsync(DemoUsers.FormDesigner, bypassCsp: true);
        await designer.GotoAsync(Site.BaseUrl + $"/admin/formular/{templateId}/invanarlank");
        await designer.GetByRole(AriaRole.Button, new() { Name = "Skapa länk" }).ClickAsync();
        var link = designer.GetByTestId("citizen-link");
        await Assertions.Expect(link).ToBeVisibleAsync();
        Assert.Empty(await Axe.ViolationsAsync(designer));
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("No link.");
        await designer.Context.CloseAsync();
        return href.StartsWith("http", StringComparison.Ordinal) ? href : Site.BaseUrl + href;
    }

    private async Task SendAfterMinimumTimeAsync(IPage page)
    {
        Site.Clock.Advance(CitizenGuard.MinimumFillTime + TimeSpan.FromSeconds(1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka" }).ClickAsync();
    }

    [Fact]
    public async Task A_visitor_on_a_phone_fixes_a_missing_answer_sends_the_form_and_the_clinician_reads_it_in_the_inbox()
    {
        const string title = "Kontakt om smärta";
        var link = await OpenLinkAsync(await TemplateAsync(Site, ContactForm(), title));

        var context = await Browser.NewContextAsync(Phone);
        var visitor = await context.NewPageAsync();
        await visitor.GotoAsync(link);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await Axe.ViolationsAsync(visitor));

        await visitor.GetByLabel(Since).FillAsync("Sedan i våras");
        await SendAfterMinimumTimeAsync(visitor);

        var summary = visitor.GetByTestId("citizen-problem");
        await Assertions.Expect(summary).ToContainTextAsync("Formuläret innehåller fel. Rätta dem och skicka igen.");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        var pain = visitor.GetByLabel(Pain);
        await Assertions.Expect(pain).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(pain).ToHaveAccessibleDescriptionAsync("Var gör det ont och när? Frågan behöver besvaras.");
        await Assertions.Expect(visitor.GetByLabel(Since)).ToHaveValueAsync("Sedan i våras");
        Assert.Empty(await Axe.ViolationsAsync(visitor));
        // The summary's link leads to the question.
        await summary.GetByRole(AriaRole.Link, new() { Name = $"{Pain}: Frågan behöver besvaras." }).ClickAsync();
        await Assertions.Expect(pain).ToBeFocusedAsync();

        await pain.FillAsync("Ont i ländryggen när jag sitter länge.");
        await SendAfterMinimumTimeAsync(visitor);
        await Assertions.Expect(visitor.GetByTestId("citizen-thanks")).ToContainTextAsync("Tack! Dina svar är skickade till vårdenheten.");
        Assert.Empty(await Axe.ViolationsAsync(visitor));
        await context.CloseAsync();

        var clinician = await SignedInPageAsync(DemoUsers.ClinicianNorth, bypassCsp: true);
        await clinician.GotoAsync(Site.BaseUrl + "/admin/formular/inkorg");
        var row = clinician.GetByTestId("contact-row").Filter(new() { HasText = title });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Ny");
        Assert.Empty(await Axe.ViolationsAsync(clinician));
        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(clinician.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        var answers = clinician.Locator("[data-testid=contact-answers]");
        await Assertions.Expect(answers).ToContainTextAsync("Ont i ländryggen när jag sitter länge.");
        await Assertions.Expect(answers).ToContainTextAsync("Sedan i våras");
        Assert.Empty(await Axe.ViolationsAsync(clinician));
    }
}
