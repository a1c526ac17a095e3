using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Smartskola.Core.Security;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Browser;

/// <summary>
/// The whole forms round trip in Chromium, through the UI only: a unit A designer builds and publishes a
/// template and shares it; a unit B designer subscribes; a unit B clinician enrols a patient and sends the form; the
/// patient answers on a phone; the follow-up page shows the answer and its score.
/// </summary>
public sealed class FormsRoundTripBrowserTests(BrowserSite site) : BrowserTest(site)
{
    private static readonly BrowserNewContextOptions Phone = new()
    {
        Locale = "sv-SE", BypassCSP = true, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
    };

    [Fact]
    public async Task A_template_built_in_north_is_subscribed_sent_and_answered_in_east_and_followed_up_with_its_score()
    {
        var title = $"Smärtkoll {Guid.NewGuid():N}"[..18];

        // Unit A (norra): build, publish, share with all units.
        var designer = await SignedInPageAsync(DemoUsers.FormDesigner);
        var templateId = await FormsDesignBrowserTests.BuildAndPublishAsync(designer, Site.BaseUrl, title);
        await designer.GotoAsync(Site.BaseUrl + $"/admin/formular/{templateId}/dela");
        await designer.Locator("[data-testid=scope-all]").CheckAsync();
        await designer.Locator("[data-testid=save-sharing]").ClickAsync();
        await Assertions.Expect(designer.Locator("[data-testid=status]")).ToBeVisibleAsync();

        // Unit B (östra): a designer subscribes.
        var eastDesigner = await SignedInPageAsync(await Site.CreateUserAsync(Roles.FormDesigner, DemoUsers.UnitEast));
        await eastDesigner.GotoAsync(Site.BaseUrl + "/admin/formular");
        await eastDesigner.Locator($"[data-testid=shared-template][data-id='{templateId}'] [data-testid=subscribe]").ClickAsync();
        await Assertions.Expect(eastDesigner.Locator($"[data-testid=subscription][data-id='{templateId}']")).ToBeVisibleAsync();

        // Unit B: a clinician enrols a patient, who creates a sign-in from the invitation on a phone.
        var clinician = await SignedInPageAsync(DemoUsers.ClinicianEast);
        var (patient, patientName) = await EnrolledPatientOnPhoneAsync(clinician);

        // The clinician sends the subscribed template to that patient.
        await clinician.GotoAsync(Site.BaseUrl + "/admin/formular/utskick/ny");
        await clinician.GetByLabel("Formulär", new() { Exact = true }).SelectOptionAsync(templateId);
        await clinician.GetByLabel("En patient").CheckAsync();
        var option = clinician.Locator("#Input_EnrolmentId option", new() { HasText = patientName });
        await clinician.GetByLabel("Patient", new() { Exact = true }).SelectOptionAsync((await option.GetAttributeAsync("value"))!);
        await clinician.Locator("[data-testid=send]").ClickAsync();
        await clinician.WaitForURLAsync(new Regex("/admin/formular/utskick/[0-9a-f-]{36}$"));
        var followUpUrl = clinician.Url;
        await Assertions.Expect(clinician.Locator("[data-testid=followup-row] [data-testid=state]")).ToHaveTextAsync("Inte besvarat");

        // The patient finds it under "Att göra" and answers; the follow-up question shows only for the highest choice.
        await patient.GotoAsync(Site.BaseUrl + "/program");
        await patient.Locator("[data-testid=todo]").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await AnswerAsync(patient);
        await Assertions.Expect(patient.Locator("[data-testid=form-receipt]")).ToBeVisibleAsync();

        // The follow-up page shows the answer and its score with its band.
        await clinician.GotoAsync(followUpUrl);
        await Assertions.Expect(clinician.Locator("[data-testid=followup-row] [data-testid=state]")).ToHaveTextAsync(new Regex("^Besvarat"));
        await Assertions.Expect(clinician.Locator("[data-testid=followup-row] [data-testid=score]")).ToHaveTextAsync("Smärtpoäng: 9 (Hög)");
        await clinician.Locator("[data-testid=open-answer]").ClickAsync();
        await Assertions.Expect(clinician.GetByText(FollowUpAnswer)).ToBeVisibleAsync();
    }

    private const string FollowUpAnswer = "På kvällen efter jobbet, när jag har suttit länge.";

    /// <summary>Slider 7 and "Ofta" (score 2): Smärtpoäng 9, band "Hög" (6–12) as the designer set it up.</summary>
    private static async Task AnswerAsync(IPage patient)
    {
        var followUp = patient.GetByLabel(FormsDesignBrowserTests.FollowUpText);
        var choice = patient.GetByRole(AriaRole.Group, new() { Name = FormsDesignBrowserTests.ChoiceText });
        await Assertions.Expect(followUp).ToBeHiddenAsync();
        await choice.GetByLabel("Sällan").CheckAsync();
        await Assertions.Expect(followUp).ToBeHiddenAsync();
        await choice.GetByLabel("Ofta").CheckAsync();
        await Assertions.Expect(followUp).ToBeVisibleAsync();
        await followUp.FillAsync(FollowUpAnswer);
        await patient.GetByLabel(FormsDesignBrowserTests.SliderText).FillAsync("7");
        await Assertions.Expect(patient.Locator("[data-save-status]")).ToHaveTextAsync(new Regex("^Sparat"));
        await patient.Locator("[data-submit]").ClickAsync();
    }

    /// <summary>Enrols a new patient at the clinician's unit and signs them up from the invitation, on a phone.</summary>
    private async Task<(IPage Patient, string Name)> EnrolledPatientOnPhoneAsync(IPage clinician)
    {
        var family = "Östlund" + Guid.NewGuid().ToString("N")[..4];
        await clinician.GotoAsync(Site.BaseUrl + "/admin/patienter/ny");
        await clinician.GetByLabel("Personnummer").FillAsync(TestPersonnummer.Next());
        await clinician.GetByLabel("Förnamn").FillAsync("Åsa");
        await clinician.GetByLabel("Efternamn").FillAsync(family);
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Skriv in och skapa inbjudan" }).ClickAsync();
        await Assertions.Expect(clinician.Locator("[data-testid=enrolled]")).ToBeVisibleAsync();
        var link = await clinician.Locator("[data-testid=invitation-link]").InputValueAsync();

        var patient = await (await Browser.NewContextAsync(Phone)).NewPageAsync();
        await patient.GotoAsync(link);
        await patient.GetByLabel("E-postadress").FillAsync($"asa-{Guid.NewGuid():N}@test.smartskola.se");
        await patient.GetByLabel("Välj ett lösenord").FillAsync("ett långt lösenord");
        await patient.GetByLabel("Skriv lösenordet igen").FillAsync("ett långt lösenord");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Skapa inloggning" }).ClickAsync();
        await patient.WaitForURLAsync(new Regex("/program$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        return (patient, family);
    }
}
