using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Browser;

/// <summary>
/// The issue's messaging round trip in Chromium: the patient, opted in to e-mail, writes (the page passes axe); the
/// clinician finds it unread in the triage list, opens the thread and answers with a reply template; the patient gets
/// exactly one e-mail, without the message text, and reads the answer.
/// </summary>
public sealed class MessagingBrowserTests(BrowserSite site) : BrowserTest(site)
{
    private const string Question = "Hej! Andningsankaret hjälper, men jag somnar under övningen.\nÄr det ett problem?";

    [Fact]
    public async Task A_patient_writes_the_clinician_answers_with_a_template_and_the_patient_reads_the_answer()
    {
        // The demo patient (Patrik Demo, unit norra, responsible: the northern demo clinician) writes about a section.
        var patient = await SignedInPageAsync(DemoUsers.Patient, bypassCsp: true);
        await NotificationSettingsBrowserTests.OptInToEmailAsync(patient, Site, DemoUsers.Patient);
        await Site.DeliverMailAsync();
        var mailsBefore = (await Site.MailServer.MessagesToAsync(DemoUsers.Patient)).Count; // the confirmation code
        await patient.GotoAsync(Site.BaseUrl + "/program");
        await patient.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Meddelanden" }).ClickAsync();
        await patient.WaitForURLAsync(new Regex("/program/meddelanden$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Empty(await Axe.ViolationsAsync(patient));
        await patient.GetByLabel("Ditt meddelande").FillAsync(Question);
        var about = patient.GetByLabel("Om (valfritt)");
        var firstSection = await patient.Locator("#About optgroup[label='Avsnitt'] option").First.TextContentAsync();
        await about.SelectOptionAsync(new SelectOptionValue { Label = firstSection! });
        await patient.GetByRole(AriaRole.Button, new() { Name = "Skicka" }).ClickAsync();
        await Assertions.Expect(patient.Locator("[data-testid=status]")).ToHaveTextAsync("Ditt meddelande är skickat.");
        var mine = patient.Locator("[data-testid=message]").Last;
        await Assertions.Expect(mine.Locator("[data-testid=body]")).ToHaveTextAsync(Question);
        await Assertions.Expect(mine.Locator("[data-testid=about]")).ToHaveTextAsync($"Om: {firstSection!.Split(": ", 2)[1]}");
        Assert.Empty(await Axe.ViolationsAsync(patient));

        // The clinician's triage list shows the patient with an unread message.
        var clinician = await SignedInPageAsync(DemoUsers.ClinicianNorth);
        await clinician.GotoAsync(Site.BaseUrl + "/admin/patienter");
        var row = clinician.Locator("[data-testid=triage-row]", new() { Has = clinician.GetByRole(AriaRole.Link, new() { Name = "Patrik Demo" }) });
        await Assertions.Expect(row.Locator("[data-testid=reason]").First).ToHaveTextAsync("1 olästa meddelanden");

        // Opens the patient and the thread; picks the welcome template, which fills the reply box.
        await row.GetByRole(AriaRole.Link, new() { Name = "Patrik Demo" }).ClickAsync();
        await clinician.Locator("[data-testid=enrolment-links]").GetByRole(AriaRole.Link, new() { Name = "Meddelanden" }).ClickAsync();
        await clinician.WaitForURLAsync(new Regex("/meddelanden$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var question = clinician.Locator("[data-testid=message]").Last;
        await Assertions.Expect(question.Locator("[data-testid=body]")).ToHaveTextAsync(Question);
        await Assertions.Expect(question.Locator("[data-testid=new]")).ToHaveTextAsync("Oläst");
        await clinician.GetByLabel("Svarsmall").SelectOptionAsync(new SelectOptionValue { Label = "Välkommen" });
        await Assertions.Expect(clinician.GetByLabel("Ditt svar")).ToHaveValueAsync(new Regex("^Hej och välkommen till Digitala smärtskolan!"));
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Skicka svar" }).ClickAsync();
        await Assertions.Expect(clinician.Locator("[data-testid=status]")).ToHaveTextAsync("Svaret är skickat.");
        var answer = clinician.Locator("[data-testid=message]").Last;
        await Assertions.Expect(answer.Locator("[data-testid=read-state]")).ToContainTextAsync("Inte läst ännu");

        // Exactly one e-mail reaches the patient, saying only that there is a message (not what it says).
        await Site.DeliverMailAsync();
        await Site.DeliverMailAsync();
        var mails = (await Site.MailServer.MessagesToAsync(DemoUsers.Patient)).Skip(mailsBefore).ToList();
        var notice = Assert.Single(mails);
        Assert.Contains("nytt meddelande", notice.Text, StringComparison.Ordinal);
        var answerText = await clinician.Locator("[data-testid=message]").Last.Locator("[data-testid=body]").InnerTextAsync();
        foreach (var line in answerText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Assert.DoesNotContain(line, notice.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(line, notice.Subject, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Patrik", notice.Text, StringComparison.Ordinal);

        // The patient sees one unread in the menu, reads the answer, and the badge goes.
        await patient.GotoAsync(Site.BaseUrl + "/program");
        await Assertions.Expect(patient.Locator("[data-testid=nav-badge]")).ToHaveTextAsync("1 olästa");
        await patient.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Meddelanden" }).ClickAsync();
        var reply = patient.Locator("[data-testid=message]").Last;
        await Assertions.Expect(reply.Locator("[data-testid=body]")).ToContainTextAsync("Hej och välkommen till Digitala smärtskolan!");
        await Assertions.Expect(reply.Locator("[data-testid=new]")).ToBeVisibleAsync();
        await Assertions.Expect(patient.Locator("[data-testid=nav-badge]")).ToHaveCountAsync(0);
        Assert.Empty(await Axe.ViolationsAsync(patient));
        await patient.GetByRole(AriaRole.Link, new() { Name = "Praktiska frågor" }).ClickAsync();
        await patient.WaitForURLAsync(new Regex("/program/meddelanden/praktiska-fragor$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Empty(await Axe.ViolationsAsync(patient));

        // The clinician sees that it has been read.
        await clinician.ReloadAsync();
        await Assertions.Expect(clinician.Locator("[data-testid=message]").Last.Locator("[data-testid=read-state]")).ToHaveTextAsync(new Regex("^Läst \\d{2}:\\d{2}"));
    }
}
