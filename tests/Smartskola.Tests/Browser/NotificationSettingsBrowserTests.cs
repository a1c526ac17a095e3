using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Smartskola.Notifications.Sending;
using Smartskola.Tests.Enrolment;
using Smartskola.Tests.Infrastructure;
using Smartskola.Tests.Notifications;

namespace Smartskola.Tests.Browser;

/// <summary>"Inställningar" in Chromium: confirm an address with the code, opt in, with axe on every state of the page.</summary>
public sealed partial class NotificationSettingsBrowserTests(BrowserSite site) : BrowserTest(site)
{
    [GeneratedRegex(@"\b(\d{6})\b")]
    private static partial Regex Code();

    [Fact]
    public async Task A_patient_confirms_the_email_address_with_the_code_and_opts_in_on_an_accessible_page()
    {
        var patient = await Site.PatientAsync(emailVerified: false, mobileVerified: false);
        var page = await SignedInPageAsync(patient.AccountEmail, bypassCsp: true);
        await page.GotoAsync(Site.BaseUrl + "/program/installningar");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inställningar", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await Axe.ViolationsAsync(page));

        // Turning e-mail on first is refused with a message saying why.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "E-post", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara inställningar" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("Bekräfta din e-postadress");
        Assert.Empty(await Axe.ViolationsAsync(page));

        await page.GetByTestId("send-email-code").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Vi har skickat en kod");
        var code = await CodeSentToAsync(patient.AccountEmail);
        await page.GetByLabel("Kod som skickades till").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekräfta" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Din e-postadress är bekräftad");
        await Assertions.Expect(page.GetByTestId("email-state")).ToContainTextAsync("– bekräftad");

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "E-post", Exact = true }).CheckAsync();
        await page.GetByLabel("En sammanfattning i veckan").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara inställningar" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Dina inställningar är sparade.");
        Assert.True(await page.GetByRole(AriaRole.Checkbox, new() { Name = "E-post", Exact = true }).IsCheckedAsync());
        Assert.True(await page.GetByLabel("En sammanfattning i veckan").IsCheckedAsync());
        Assert.Empty(await Axe.ViolationsAsync(page));
        Assert.Equal(NotifyOutcome.HeldForDigest, await Site.NotifyAsync(patient.EnrolmentId, NotificationKinds.NewMessage));

        // This site has no SMS gateway: the page says so instead of claiming a code was sent.
        await page.Locator("#sms-address").FillAsync("070-123 45 67");
        await page.GetByTestId("send-sms-code").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sms-error")).ToContainTextAsync("Sms kan inte skickas härifrån just nu");
        Assert.Empty(await Axe.ViolationsAsync(page));
    }

    /// <summary>The code in the mail that reached <paramref name="address"/> at the SMTP server.</summary>
    private Task<string> CodeSentToAsync(string address) => CodeMailedAsync(Site, address);

    internal static async Task<string> CodeMailedAsync(BrowserSite site, string address)
    {
        await site.DeliverMailAsync();
        var mail = await site.MailServer.WaitForMessageAsync(address, TimeSpan.FromSeconds(10));
        return Code().Match(mail.Text).Groups[1].Value;
    }

    /// <summary>On "Inställningar": confirm <paramref name="address"/> with the mailed code and turn e-mail on.</summary>
    internal static async Task OptInToEmailAsync(IPage page, BrowserSite site, string address)
    {
        await page.GotoAsync(site.BaseUrl + "/program/installningar");
        await page.Locator("#email-address").FillAsync(address);
        await page.GetByTestId("send-email-code").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Vi har skickat en kod");
        await page.GetByLabel("Kod som skickades till").FillAsync(await CodeMailedAsync(site, address));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekräfta" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("email-state")).ToContainTextAsync("– bekräftad");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "E-post", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara inställningar" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Dina inställningar är sparade.");
    }
}
