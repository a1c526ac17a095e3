using Microsoft.Playwright;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Browser;

public sealed class SignInBrowserTests(BrowserSite site) : BrowserTest(site)
{
    [Fact]
    public async Task Staff_and_patient_sign_in_and_land_on_their_own_homes()
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "sv-SE" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(Site.BaseUrl + "/admin");
        Assert.Contains("/logga-in", page.Url);
        await SignInAsync(page, DemoUsers.ClinicianNorth);
        await page.WaitForURLAsync("**/admin", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Equal("Välkommen, Bodil Behandlare", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal("Bodil Behandlare", await page.GetByTestId("current-user").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await page.WaitForURLAsync("**/logga-in?orsak=utloggad");
        Assert.Equal("Du är utloggad.", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        await SignInAsync(page, DemoUsers.Patient);
        await page.WaitForURLAsync(Site.BaseUrl + "/program", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Contains("Välkommen, Pia Patient", await page.GetByTestId("patient-home").InnerTextAsync());

        var forbidden = await page.GotoAsync(Site.BaseUrl + "/admin");
        Assert.Equal(403, forbidden!.Status);
        Assert.Equal("Du har inte behörighet", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
    }

    [Fact]
    public async Task Wrong_password_shows_the_message_in_the_page()
    {
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(Site.BaseUrl + "/logga-in");
        await SignInAsync(page, DemoUsers.Editor, "helt-fel-lösenord");

        Assert.Equal("Fel e-postadress eller lösenord.", (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Trim());
    }
}
