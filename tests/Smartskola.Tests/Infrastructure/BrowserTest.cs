using Microsoft.Playwright;

namespace Smartskola.Tests.Infrastructure;

/// <summary>Base for Chromium tests: one browser per test class, a fresh signed-in context per call.</summary>
public abstract class BrowserTest(BrowserSite site) : IClassFixture<BrowserSite>, IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    protected IBrowser Browser { get; private set; } = null!;

    protected BrowserSite Site => site;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }

    protected static async Task SignInAsync(IPage page, string email, string password = SiteFactory.DemoPassword)
    {
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
    }

    /// <summary>A new browser context (its own cookies), signed in as <paramref name="email"/>.</summary>
    /// <param name="bypassCsp">Let the test inject scripts (axe-core) past the site's Content-Security-Policy.</param>
    protected async Task<IPage> SignedInPageAsync(string email, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "sv-SE", BypassCSP = bypassCsp });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/logga-in");
        await SignInAsync(page, email);
        // Signed in once the redirect away from the login page has its document; the tests' own steps wait for
        // whatever they need next (waiting for the full "load" event timed out twice under a loaded full run).
        await page.WaitForURLAsync(url => !url.Contains("/logga-in", StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }
}
