using Microsoft.Playwright;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Browser;

public sealed class SignInBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>, IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task Staff_and_patient_sign_in_and_land_on_their_own_homes()
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = "sv-SE" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(site.BaseUrl + "/admin");
        Assert.Contains("/logga-in", page.Url);
        await SignInAsync(page, DemoUsers.ClinicianNorth);
        await page.WaitForURLAsync("**/admin");
        Assert.Equal("Välkommen, Bodil Behandlare", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal("Bodil Behandlare", await page.GetByTestId("current-user").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await page.WaitForURLAsync("**/logga-in?orsak=utloggad");
        Assert.Equal("Du är utloggad.", await page.GetByRole(AriaRole.Status).InnerTextAsync());

        await SignInAsync(page, DemoUsers.Patient);
        await page.WaitForURLAsync(site.BaseUrl + "/");
        Assert.Contains("Välkommen, Pia Patient", await page.GetByTestId("patient-home").InnerTextAsync());

        var forbidden = await page.GotoAsync(site.BaseUrl + "/admin");
        Assert.Equal(403, forbidden!.Status);
        Assert.Equal("Du har inte behörighet", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
    }

    [Fact]
    public async Task Wrong_password_shows_the_message_in_the_page()
    {
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(site.BaseUrl + "/logga-in");
        await SignInAsync(page, DemoUsers.Editor, "helt-fel-lösenord");

        Assert.Equal("Fel e-postadress eller lösenord.", (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Trim());
    }

    private static async Task SignInAsync(IPage page, string email, string password = SiteFactory.DemoPassword)
    {
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
    }
}
