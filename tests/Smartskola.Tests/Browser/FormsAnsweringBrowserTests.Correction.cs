using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Smartskola.Forms.Data;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Forms.AnsweringSeed;

namespace Smartskola.Tests.Browser;

/// <summary>The patient corrects yesterday's sleep diary entry on a phone: no autosave, the new derived value listed.</summary>
public sealed partial class FormsAnsweringBrowserTests
{
    [Fact]
    public async Task On_a_phone_yesterdays_sleep_diary_entry_is_corrected_and_the_list_shows_the_new_sleep_efficiency()
    {
        var id = await AssignAsync(Site, await TemplateAsync(Site, SleepDiary(), "Sömndagbok i mobilen"));
        var yesterday = Day(Site, 1);
        var page = await PatientOnPhoneAsync(Browser);
        await page.GotoAsync(Site.BaseUrl + $"/program/formular/{id}?datum={yesterday}");
        await page.GetByLabel(Bedtime).FillAsync("22:30");
        await page.GetByLabel("När steg du upp?").FillAsync("06:30");
        await page.GetByLabel("Hur länge tog det att somna?").FillAsync("30");
        await page.GetByLabel("Hur länge var du vaken i natt?").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara anteckningen" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=diary-entry] [data-derived=se]")).ToHaveTextAsync("84 %");
        Site.Clock.Advance(TimeSpan.FromMinutes(5));

        // The saved entry opens as a form again, filled in; typing saves nothing until "Spara ändringar".
        var autosaves = 0;
        page.Request += (_, request) => autosaves += request.Url.Contains("handler=save", StringComparison.Ordinal) ? 1 : 0;
        await page.Locator("[data-testid=diary-entry] a").ClickAsync();
        await Assertions.Expect(page.GetByLabel(Bedtime)).ToHaveValueAsync("22:30");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Spara ändringar" });
        await Assertions.Expect(save).ToBeVisibleAsync();
        Assert.Empty(await Axe.ViolationsAsync(page));

        await page.GetByLabel(Bedtime).FillAsync("23:30");
        await page.GetByLabel("Hur länge var du vaken i natt?").FillAsync("0");
        await page.WaitForTimeoutAsync(1500); // longer than the autosave's pause: none may go out while correcting
        Assert.Equal(0, autosaves);
        Assert.Equal(ResponseStatus.Submitted, Assert.Single(await ResponsesAsync(Site, id)).Status);
        await save.ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=form-status]")).ToHaveTextAsync("Ändringarna är sparade.");
        await Assertions.Expect(page.Locator("[data-testid=diary-entry] [data-derived=se]")).ToHaveTextAsync("93 %");
        await Assertions.Expect(page.Locator("[data-testid=entry-state]")).ToHaveTextAsync(new Regex("^Sparad, ändrad "));
        Assert.Contains("23:30", Assert.Single(await ResponsesAsync(Site, id)).AnswersJson);
    }
}
