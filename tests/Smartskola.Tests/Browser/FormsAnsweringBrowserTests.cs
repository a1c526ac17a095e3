using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Smartskola.Forms.Data;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Forms.AnsweringSeed;

namespace Smartskola.Tests.Browser;

/// <summary>The patient answers forms in Chromium on a phone-sized screen: conditions, autosave, offline, one submit.</summary>
public sealed partial class FormsAnsweringBrowserTests(BrowserSite site) : BrowserTest(site)
{
    private static readonly BrowserNewContextOptions Phone = new()
    {
        Locale = "sv-SE", BypassCSP = true, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
    };

    private async Task<IPage> PatientOnPhoneAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await SignInFromLoginPageAsync(page, DemoUsers.Patient);
        return page;
    }

    private async Task<Guid> AssignedAsync(string title) => await AssignAsync(Site, await TemplateAsync(Site, ConditionalForm(), title));

    [Fact]
    public async Task On_a_phone_the_conditional_question_appears_only_when_it_should_and_the_page_passes_axe()
    {
        var id = await AssignedAsync("Villkorsfråga");
        var page = await PatientOnPhoneAsync(Browser);
        await page.GotoAsync(Site.BaseUrl + $"/program/formular/{id}");
        var followUp = page.GetByLabel(Where);
        await Assertions.Expect(followUp).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Group, new() { Name = PainNow }).GetByLabel("Ja").CheckAsync();
        await Assertions.Expect(followUp).ToBeVisibleAsync();
        Assert.Empty(await Axe.ViolationsAsync(page));

        await page.GetByRole(AriaRole.Group, new() { Name = PainNow }).GetByLabel("Nej").CheckAsync();
        await Assertions.Expect(followUp).ToBeHiddenAsync();
        Assert.True(await page.Locator("#q-f2").IsDisabledAsync());

        // The slider shows its value as it moves.
        await page.GetByLabel("Hur ont gör det?").FillAsync("7");
        await Assertions.Expect(page.Locator("[data-slider-value]")).ToHaveTextAsync("7");
    }

    [Fact]
    public async Task Autosaved_text_survives_killing_the_browser_and_a_double_click_submits_once()
    {
        var id = await AssignedAsync("Autosparas");
        var page = await PatientOnPhoneAsync(Browser);
        await page.GotoAsync(Site.BaseUrl + $"/program/formular/{id}");
        await page.GetByLabel(Reflection).FillAsync("Att jag kan ta pauser innan det gör ont.");
        await Assertions.Expect(page.Locator("[data-save-status]")).ToHaveTextAsync(new Regex("^Sparat \\d\\d:\\d\\d$"));
        await Browser.CloseAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var again = await PatientOnPhoneAsync(browser);
        await again.GotoAsync(Site.BaseUrl + $"/program/formular/{id}");
        await Assertions.Expect(again.GetByLabel(Reflection)).ToHaveValueAsync("Att jag kan ta pauser innan det gör ont.");

        await again.GetByRole(AriaRole.Group, new() { Name = PainNow }).GetByLabel("Nej").CheckAsync();
        await again.GetByRole(AriaRole.Button, new() { Name = "Skicka svaren" }).DblClickAsync();
        await Assertions.Expect(again.Locator("[data-testid=form-receipt]")).ToBeVisibleAsync();
        await Assertions.Expect(again.Locator("main")).ToContainTextAsync("Att jag kan ta pauser innan det gör ont.");
        var response = Assert.Single(await ResponsesAsync(Site, id));
        Assert.Equal(ResponseStatus.Submitted, response.Status);
    }

    [Fact]
    public async Task Text_typed_while_offline_is_kept_in_the_browser_and_saved_on_reopening()
    {
        var id = await AssignedAsync("Utan nät");
        var page = await PatientOnPhoneAsync(Browser);
        await page.GotoAsync(Site.BaseUrl + $"/program/formular/{id}");
        await page.RouteAsync("**/*handler=save*", route => route.AbortAsync("internetdisconnected"));
        await page.GetByLabel(Reflection).FillAsync("Skrivet på tåget utan täckning.");
        await Assertions.Expect(page.Locator("[data-save-status]")).ToHaveTextAsync(new Regex("^Inte sparat – försöker igen"));
        Assert.Empty(await ResponsesAsync(Site, id));

        await page.UnrouteAllAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel(Reflection)).ToHaveValueAsync("Skrivet på tåget utan täckning.");
        await Assertions.Expect(page.Locator("[data-save-status]")).ToHaveTextAsync(new Regex("^Sparat"));
        Assert.Contains("Skrivet på tåget utan täckning.", Assert.Single(await ResponsesAsync(Site, id)).AnswersJson);
    }

    [Fact]
    public async Task After_the_session_ends_the_page_says_so_and_the_text_comes_back_after_signing_in()
    {
        var id = await AssignedAsync("Utloggad mitt i");
        var page = await PatientOnPhoneAsync(Browser);
        await page.GotoAsync(Site.BaseUrl + $"/program/formular/{id}");
        await page.Context.ClearCookiesAsync();
        await page.GetByLabel(Reflection).FillAsync("Skrivet efter att sessionen tog slut.");
        await Assertions.Expect(page.Locator("[data-save-status]"))
            .ToHaveTextAsync("Du har blivit utloggad. Logga in igen – dina svar finns kvar här.");

        await page.GotoAsync(Site.BaseUrl + $"/program/formular/{id}");
        await SignInAsync(page, DemoUsers.Patient);
        await page.WaitForURLAsync(new Regex("/program/formular/"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.GetByLabel(Reflection)).ToHaveValueAsync("Skrivet efter att sessionen tog slut.");
        await Assertions.Expect(page.Locator("[data-save-status]")).ToHaveTextAsync(new Regex("^Sparat"));
    }
}
