using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Smartskola.Enrolment.Lifecycle;
using Smartskola.Core.Site;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Browser;

/// <summary>The enrolment round trip in Chromium: clinician enrols, patient accepts, modules open on schedule.</summary>
public sealed class EnrolmentBrowserTests(BrowserSite site) : BrowserTest(site)
{
    [Fact]
    public async Task A_patient_enrolled_with_two_modules_then_one_every_seven_days_sees_module_three_open_a_week_later()
    {
        var clinician = await SignedInPageAsync(DemoUsers.ClinicianNorth);
        await clinician.GotoAsync(Site.BaseUrl + "/admin/patienter/ny");
        await clinician.GetByLabel("Personnummer").FillAsync(TestPersonnummer.Next());
        await clinician.GetByLabel("Förnamn").FillAsync("Vera");
        await clinician.GetByLabel("Efternamn").FillAsync("Veckovis");
        await clinician.GetByLabel("De första modulerna från start, sedan en ny med jämna mellanrum").CheckAsync();
        await clinician.GetByLabel("Antal moduler från start").FillAsync("2");
        await clinician.GetByLabel("Dagar mellan modulerna").FillAsync("7");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Skriv in och skapa inbjudan" }).ClickAsync();
        await Assertions.Expect(clinician.Locator("[data-testid=enrolled]")).ToBeVisibleAsync();
        var link = await clinician.Locator("[data-testid=invitation-link]").InputValueAsync();

        var patientContext = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "sv-SE", BypassCSP = true });
        var patient = await patientContext.NewPageAsync();
        await patient.GotoAsync(link);
        await Assertions.Expect(patient.GetByRole(AriaRole.Heading, new() { Name = "Välkommen, Vera!" })).ToBeVisibleAsync();
        var email = $"vera-{Guid.NewGuid():N}@test.smartskola.se";
        await patient.GetByLabel("E-postadress").FillAsync(email);
        await patient.GetByLabel("Välj ett lösenord").FillAsync("ett långt lösenord");
        await patient.GetByLabel("Skriv lösenordet igen").FillAsync("ett långt lösenord");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Skapa inloggning" }).ClickAsync();
        await patient.WaitForURLAsync(new Regex("/program$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        var states = patient.Locator("[data-testid=module-state]");
        var opens = SwedishTime.Today(Site.Clock).AddDays(7).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("sv-SE"));
        Assert.Equal("Öppen", await states.Nth(0).InnerTextAsync());
        Assert.Equal("Öppen", await states.Nth(1).InnerTextAsync());
        Assert.Equal($"Inte öppnad ännu, öppnas {opens}", await states.Nth(2).InnerTextAsync());
        Assert.Equal(0, await patient.Locator("[data-testid=module-card]").Nth(2).Locator("a").CountAsync());
        Assert.Empty(await Axe.ViolationsAsync(patient));

        Site.Clock.Advance(TimeSpan.FromDays(7));
        // The daily job records the opening (the patient's page would show it open on its day even before the job).
        var summary = await Site.WithScopeAsync(sp => sp.GetRequiredService<LifecycleJobs>().RunAsync(CancellationToken.None));
        Assert.True(summary.ModulesOpened >= 1);
        // A week later the session has long expired: the patient signs in again, as in real life.
        await SignInFromLoginPageAsync(patient, email, "ett långt lösenord");
        await patient.WaitForURLAsync(new Regex("/program$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Equal("Öppen", await states.Nth(2).InnerTextAsync());
        Assert.StartsWith("Inte öppnad ännu, öppnas", await states.Nth(3).InnerTextAsync());
        Assert.Equal(200, (await patient.GotoAsync(Site.BaseUrl + "/program/modul/3"))!.Status);

        var locked = await patient.GotoAsync(Site.BaseUrl + "/program/modul/5");
        Assert.Equal(404, locked!.Status);
        Assert.DoesNotContain("Modul 5", await patient.Locator("main").InnerTextAsync());
    }
}
