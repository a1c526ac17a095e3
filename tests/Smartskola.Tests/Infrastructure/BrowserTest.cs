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
        await SignInFromLoginPageAsync(page, email);
        return page;
    }

    /// <summary>
    /// Opens the login page, signs in and waits until the browser has left it (for the redirect's document only; the
    /// tests' own steps wait for whatever they need next). Under a loaded full run a sign-in has stayed on the login
    /// page a few times, in different classes, never when run alone; the cause is not found. So: one more try, and a
    /// second failure reports what the page said.
    /// </summary>
    protected async Task SignInFromLoginPageAsync(IPage page, string email, string password = SiteFactory.DemoPassword)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync(site.BaseUrl + "/logga-in");
            await SignInAsync(page, email, password);
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/logga-in", StringComparison.Ordinal),
                    new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 15_000 });
                return;
            }
            catch (TimeoutException) when (attempt == 1)
            {
                Console.WriteLine($"Sign-in of {email} stayed on {page.Url}; trying once more.");
            }
            catch (TimeoutException exception)
            {
                throw new TimeoutException($"Still on {page.Url} after signing in twice: {await page.Locator("main").InnerTextAsync()}", exception);
            }
        }
    }
}
