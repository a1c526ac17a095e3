using System.Net;
using Smartskola.Tests.Enrolment;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Curriculum.CurriculumExpectations;

namespace Smartskola.Tests.Curriculum;

/// <summary>The demo patient reads the program a fresh site sets up from the default recipe.</summary>
public abstract class CurriculumReadingTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task A_fresh_site_shows_the_demo_patient_all_8_modules_with_every_section_of_the_method_guide()
    {
        using var patient = site.CreateSiteClient();
        var home = await patient.ToPageAsync(await patient.FollowAsync(await patient.LoginAsync(DemoUsers.Patient)));

        Assert.Equal("/program", home.Path);
        Assert.Equal("Digitala smärtskolan", home.Text("main h1"));
        var cards = home.Document.QuerySelectorAll("[data-testid=module-card]").ToList();
        Assert.Equal(Modules.Select(m => $"Modul {m.Number} {m.Title}").ToList(),
            cards.Select(c => Page.Collapse(c.QuerySelector(".module-title")!.TextContent)).ToList());
        Assert.All(cards, c => Assert.Equal("Öppen", c.QuerySelector("[data-testid=module-state]")!.TextContent));

        foreach (var (number, title, sections) in Modules)
        {
            var module = await patient.GetPageAsync($"/program/modul/{number}");
            Assert.Equal(HttpStatusCode.OK, module.Status);
            Assert.Equal($"Modul {number} {title}", module.Text("main h1"));
            Assert.Equal(sections, module.Document.QuerySelectorAll("[data-testid=section-list] li a").Select(a => a.TextContent).ToArray());
            Assert.NotEmpty(module.Text("[data-testid=remember]").Replace("Kom ihåg", ""));
            Assert.Equal(Exercises[number] is { } exercise ? $"Mindfulnessövning: {exercise}" : string.Empty,
                module.Text("[data-testid=module-exercise] h2"));
        }
    }

    [Fact]
    public async Task A_section_page_has_its_module_around_it_and_reading_moves_the_progress()
    {
        using var patient = site.CreateSiteClient();
        var email = await site.CreateUserAsync("Patient");
        // A fresh account is not enrolled: enrol it with every module open (as the clinician's page will).
        await site.EnrolAsync(await site.PatientForAsync(await site.UserIdAsync(email)), Smartskola.Enrolment.Data.UnlockPolicyKind.AllAtStart, 0);
        await patient.LoginAsync(email);
        var module = await patient.GetPageAsync("/program/modul/2");
        var links = module.Document.QuerySelectorAll("[data-testid=section-list] a").Select(a => a.GetAttribute("href")!).ToList();

        var second = await patient.GetPageAsync(links[1]);
        Assert.Equal("Fysisk aktivitet och annan fysioterapeutisk behandling", second.Text("[data-testid=section] h1"));
        Assert.Contains("Avsnitt 2 av 8", second.MainText);
        Assert.Equal(links[0], second.Document.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(links[2], second.Document.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.NotEmpty(second.Text("[data-testid=section] .prose"));

        var last = await patient.GetPageAsync(links[^1]);
        Assert.Null(last.Document.QuerySelector("a[rel=next]"));
        Assert.Contains("Till modulens sammanfattning och övning", last.Text(".pager"));

        // Opened is not finished: the module is under way, and the progress bar counts only finished sections.
        var home = await patient.GetPageAsync("/program");
        Assert.Equal($"Du har läst klart 0 av {SectionCount} avsnitt i de moduler som är öppna.", home.Text("[data-testid=progress-text]"));
        var states = home.Document.QuerySelectorAll("[data-testid=module-state]").Select(s => s.TextContent).ToList();
        Assert.Equal("Påbörjad", states[1]);
        Assert.Equal("Öppen", states[0]);
        // The next step is the first unfinished section, in module 1.
        Assert.Contains("Modul 1: Presentation av upplägget", home.Text("[data-testid=next-step]"));
        Assert.Equal(["Påbörjat", "Påbörjat"], (await patient.GetPageAsync("/program/modul/2")).Document
            .QuerySelectorAll("[data-testid=section-list] .read-mark").Select(m => m.TextContent).ToList());

        // "Jag har läst klart" at the end of the page (a plain form) finishes it and goes on to the next section.
        var finished = await patient.SubmitAsync(links[1], new Dictionary<string, string>(), "form[data-testid=finish-form]");
        Assert.Equal(links[2], finished.Headers.Location!.OriginalString);
        home = await patient.GetPageAsync("/program");
        Assert.Equal($"Du har läst klart 1 av {SectionCount} avsnitt i de moduler som är öppna.", home.Text("[data-testid=progress-text]"));
        Assert.Equal("1", home.Document.QuerySelector("progress")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Module_4_shows_its_exercise_and_the_earlier_ones_and_the_collection_lists_all_unlocked()
    {
        using var patient = await ContentForms.SignedInAsync(site, DemoUsers.Patient);
        var module = await patient.GetPageAsync("/program/modul/4");
        Assert.Equal(["Kroppsscanning", "Andningsankaret"],
            module.Document.QuerySelectorAll("[data-testid=earlier-exercises] li").Select(li => li.TextContent.Trim()).ToList());
        var player = module.Document.QuerySelector("[data-testid=module-exercise] [data-testid=audio-player]");
        Assert.NotNull(player);
        var audio = player!.QuerySelector("audio")!.GetAttribute("src")!;
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync(audio)).StatusCode);
        Assert.NotNull(player.QuerySelector("select[data-audio-speed] option[value='0.75']"));
        Assert.NotNull(player.QuerySelector("select[data-audio-speed] option[value='1.5']"));
        Assert.NotEmpty(player.QuerySelector("details.transcript")!.TextContent.Replace("Läs texten i stället", "").Trim());

        var collection = await patient.GetPageAsync("/program/ovningar");
        Assert.Equal(["Kroppsscanning", "Andningsankaret", "Andrum", "Andetaget"],
            collection.Document.QuerySelectorAll("[data-testid=exercise-list] li a").Select(a => a.TextContent).ToList());
        var exercise = await patient.GetPageAsync("/program/ovningar/andrum");
        Assert.Equal("Andrum", exercise.Text("main h1"));
        Assert.NotNull(exercise.Document.QuerySelector("[data-testid=audio-player] audio"));
    }

    [Fact]
    public async Task Curriculum_items_are_read_inside_the_program_not_at_the_generic_content_address()
    {
        using var patient = await ContentForms.SignedInAsync(site, DemoUsers.Patient);
        var response = await patient.GetAsync("/innehall/objekt/5a0d1e000000000000000000000a0101");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var byPath = await patient.GetAsync("/innehall/digitala-smartskolan/introduktion-och-smartfysiologi/presentation-av-upplagget");
        Assert.Equal(HttpStatusCode.Redirect, byPath.StatusCode);
        Assert.Equal("/program/modul/1/presentation-av-upplagget", byPath.Headers.Location!.OriginalString);

        // An editor following "Visa publicerad sida" lands in the preview of the published program.
        using var editor = await ContentForms.SignedInAsync(site, DemoUsers.Editor);
        var staff = await editor.GetAsync("/innehall/digitala-smartskolan/introduktion-och-smartfysiologi/presentation-av-upplagget");
        Assert.Equal("/admin/forhandsgranska/program/modul/1/presentation-av-upplagget?moduler=alla&kalla=publicerat",
            staff.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(staff.Headers.Location.OriginalString)).StatusCode);
    }

    [Fact]
    public async Task An_editor_previews_drafts_with_a_chosen_set_of_open_modules_while_patients_see_the_published_text()
    {
        const string section = "5a0d1e000000000000000000000a0203"; // module 2, "Läkemedelsbehandling"
        using var editor = await ContentForms.SignedInAsync(site, DemoUsers.Editor);
        await ContentForms.SaveOkAsync(editor, section, new() { ["c.TitlePart.Title"] = "Läkemedel – utkast" });

        var settings = await editor.GetPageAsync("/admin/program/forhandsgranska");
        Assert.Equal(8, settings.Document.QuerySelectorAll("input[name=moduler][type=checkbox]").Length);

        var drafts = await editor.GetPageAsync("/admin/forhandsgranska/program?moduler=1&moduler=2&kalla=utkast");
        Assert.Contains("modul 1, 2 öppna", drafts.Text("[data-testid=preview-banner]"));
        var states = drafts.Document.QuerySelectorAll("[data-testid=module-state]").Select(e => e.TextContent).ToList();
        Assert.Equal(["Öppen", "Öppen", "Inte öppnad ännu"], states.Take(3).ToList());
        var module = await editor.GetPageAsync("/admin/forhandsgranska/program/modul/2?moduler=1,2&kalla=utkast");
        Assert.Contains("Läkemedel – utkast", module.Text("[data-testid=section-list]"));
        // Links inside the preview keep its settings.
        Assert.All(module.Document.QuerySelectorAll("[data-testid=section-list] a"),
            a => Assert.EndsWith("?moduler=1,2&kalla=utkast", a.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/forhandsgranska/program/modul/3?moduler=1,2&kalla=utkast")).StatusCode);

        // Links in the texts to the patient's program stay inside the preview.
        var closing = await editor.GetPageAsync("/admin/forhandsgranska/program/modul/8/mindfulnessovningar?moduler=alla&kalla=utkast");
        Assert.Equal("/admin/forhandsgranska/program/ovningar", closing.Document.QuerySelector("[data-testid=section] .prose a")!.GetAttribute("href"));

        var published = await editor.GetPageAsync("/admin/forhandsgranska/program/modul/2?moduler=alla&kalla=publicerat");
        Assert.Contains("Läkemedelsbehandling", published.Text("[data-testid=section-list]"));
        Assert.DoesNotContain("utkast", published.Text("[data-testid=section-list]"));

        using var patient = await ContentForms.SignedInAsync(site, DemoUsers.Patient);
        var patientModule = await patient.GetPageAsync("/program/modul/2");
        Assert.Contains("Läkemedelsbehandling", patientModule.Text("[data-testid=section-list]"));
        Assert.DoesNotContain("utkast", patientModule.MainText);
    }

    [Fact]
    public async Task Staff_cannot_open_the_patient_pages_and_patients_cannot_open_the_preview()
    {
        using var clinician = await ContentForms.SignedInAsync(site, DemoUsers.ClinicianNorth);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync("/program/modul/1")).StatusCode);
        using var patient = await ContentForms.SignedInAsync(site, DemoUsers.Patient);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync("/admin/forhandsgranska/program")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync("/program/modul/9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync("/program/modul/1/finns-inte")).StatusCode);
    }
}

public sealed class CurriculumReadingTestsSqlite(SqliteSite site) : CurriculumReadingTests<SqliteSite>(site);

public sealed class CurriculumReadingTestsPostgres(PostgresSite site) : CurriculumReadingTests<PostgresSite>(site);
