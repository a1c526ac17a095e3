using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Curriculum.Data;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Progress;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Curriculum.CurriculumExpectations;

namespace Smartskola.Tests.Enrolment;

/// <summary>A patient's reading reaches the clinician: module states, completion, the timeline, "last active".</summary>
public abstract class ProgressTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task Finishing_every_section_of_module_1_completes_it_and_after_previous_opens_module_2()
    {
        var (email, userId, _, enrolment) = await site.EnrolNewPatientAsync(UnlockPolicyKind.AfterPrevious);
        using var patient = await ContentForms.SignedInAsync(site, email);
        var home = await patient.GetPageAsync("/program");
        Assert.Equal(["Öppen", "Inte öppnad ännu"], States(home).Take(2).ToList());
        var links = (await patient.GetPageAsync("/program/modul/1")).Document
            .QuerySelectorAll("[data-testid=section-list] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(Modules[0].Sections.Length, links.Count);

        for (var i = 0; i < links.Count; i++)
        {
            var response = await patient.SubmitAsync(links[i], new Dictionary<string, string>(), "form[data-testid=finish-form]");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var next = await patient.GetPageAsync(response.Headers.Location!.OriginalString);
            if (i + 1 < links.Count)
            {
                Assert.Equal(links[i + 1], next.Path);
                Assert.Contains("är markerat som läst", next.Text("[data-testid=status-message]"));
                // Opened, not finished: the module is under way, not done.
                Assert.Equal("Påbörjad", States(await patient.GetPageAsync("/program"))[0]);
            }
            else
            {
                Assert.Equal("/program/modul/1", next.Path);
                Assert.Equal("Bra jobbat! Du har läst klart alla avsnitt i modul 1.", next.Text("[data-testid=status-message]"));
            }
        }

        Assert.Equal("Du har läst klart det här avsnittet.", (await patient.GetPageAsync(links[0])).Text("[data-testid=section-finished]"));
        home = await patient.GetPageAsync("/program");
        Assert.Equal(["Klar", "Öppen", "Inte öppnad ännu"], States(home).Take(3).ToList());
        Assert.StartsWith($"Du har läst klart {links.Count} av {links.Count + Modules[1].Sections.Length} avsnitt", home.Text("[data-testid=progress-text]"));

        var (rows, view, timeline) = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EnrolmentDbContext>();
            var stored = await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment.Id);
            var progress = sp.GetRequiredService<EnrolmentProgress>();
            return (await db.ModuleStates.AsNoTracking().Where(s => s.EnrolmentId == enrolment.Id).ToListAsync(),
                await progress.LoadAsync(stored, default), await progress.TimelineAsync(enrolment.Id, 100, default));
        });
        var module1 = view.Modules[0];
        Assert.NotNull(rows.Single(r => r.ModuleId == module1.ModuleId).CompletedUtc);
        Assert.Equal(ModuleOpenedBy.Start, rows.Single(r => r.ModuleId == module1.ModuleId).ChangedBy);
        var second = rows.Single(r => r.ModuleId == view.Modules[1].ModuleId);
        Assert.True(second is { IsOpen: true, ChangedBy: ModuleOpenedBy.Completion, CompletedUtc: null });
        Assert.Equal(2, rows.Count);

        Assert.Equal(ModuleProgressState.Done, module1.State);
        Assert.StartsWith("Klar 20", module1.StateText);
        Assert.Equal((links.Count, links.Count, links.Count), (module1.SectionCount, module1.SectionsOpened, module1.SectionsFinished));
        Assert.NotNull(module1.CompletedUtc);
        Assert.Equal(ModuleProgressState.Open, view.Modules[1].State);
        Assert.Equal(ModuleProgressState.Locked, view.Modules[2].State);
        Assert.NotNull(view.LastActiveUtc);
        Assert.Equal("Momentet har pågått 1 dag (rekommenderat 365 dagar)", view.DurationText);

        Assert.Equal(links.Count, timeline.Count(t => t.Kind == ActivityKinds.SectionOpened));
        Assert.Equal(links.Count, timeline.Count(t => t.Kind == ActivityKinds.SectionFinished));
        Assert.Contains(timeline, t => t is { Text: "Läste klart ett avsnitt", Actor: "Patienten" } && t.Detail == $"Modul 1: {Modules[0].Sections[0]}");
        var completed = Assert.Single(timeline, t => t.Kind == ActivityKinds.ModuleCompleted);
        Assert.Equal(("Modul klar", $"Modul 1: {Modules[0].Title}"), (completed.Text, completed.Detail));
        var opened = Assert.Single(timeline, t => t.Kind == ActivityKinds.ModuleOpened);
        Assert.Equal(($"Modul 2: {Modules[1].Title}", "Systemet"), (opened.Detail, opened.Actor));
        Assert.Equal(ActivityKinds.ModuleOpened, timeline[0].Kind); // newest first
        Assert.True(await site.WithScopeAsync(sp => sp.GetRequiredService<CurriculumDbContext>().SectionReads
            .AnyAsync(r => r.UserId == userId && r.FinishedUtc != null)));
    }

    [Fact]
    public async Task Exercise_plays_and_automatic_finishing_are_recorded_and_locked_modules_are_404()
    {
        var (email, userId, _, enrolment) = await site.EnrolNewPatientAsync(UnlockPolicyKind.FirstN, initialModules: 1);
        using var patient = await ContentForms.SignedInAsync(site, email);
        var module = await patient.GetPageAsync("/program/modul/1");
        var played = module.Document.QuerySelector("[data-testid=module-exercise] [data-exercise-played]")!.GetAttribute("data-exercise-played")!;
        Assert.Equal("/program/ovningar/kroppsscanning?handler=played", played);

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(patient, module.Token, played)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(patient, module.Token, played)).StatusCode);
        // The script's post when the reader reaches the end of a section.
        var section = $"/program/modul/1/presentation-av-upplagget?handler=finished";
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(patient, module.Token, section, "auto=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(patient, module.Token, section, "auto=1")).StatusCode);

        // Module 2 is not open: its section and exercise are not there for this patient, and nothing is recorded.
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(patient, module.Token, "/program/modul/2/lakemedelsbehandling?handler=finished", "auto=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(patient, module.Token, "/program/ovningar/andningsankaret?handler=played")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await patient.Http.PostAsync(played, new StringContent(""))).StatusCode); // no token

        var (reads, plays, view, timeline) = await site.WithScopeAsync(async sp =>
        {
            var curriculum = sp.GetRequiredService<CurriculumDbContext>();
            var progress = sp.GetRequiredService<EnrolmentProgress>();
            var stored = await sp.GetRequiredService<EnrolmentDbContext>().Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment.Id);
            return (await curriculum.SectionReads.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(),
                await curriculum.ExercisePlays.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(),
                await progress.LoadAsync(stored, default), await progress.TimelineAsync(enrolment.Id, 50, default));
        });
        var read = Assert.Single(reads);
        Assert.NotNull(read.FinishedUtc);
        Assert.Equal(2, Assert.Single(plays).Plays);
        Assert.Equal(("Kroppsscanning", 2), (view.Modules[0].ExerciseTitle, view.Modules[0].ExercisePlays));
        Assert.NotNull(view.Modules[0].ExerciseLastPlayedUtc);
        Assert.Equal(ModuleProgressState.InProgress, view.Modules[0].State);
        Assert.Equal("Låst", view.Modules[1].StateText);
        Assert.Equal(2, timeline.Count(t => t is { Kind: ActivityKinds.ExercisePlayed, Detail: "Modul 1: Kroppsscanning" }));
        Assert.Single(timeline, t => t.Kind == ActivityKinds.SectionFinished);
        Assert.DoesNotContain(timeline, t => t.Kind == ActivityKinds.ModuleCompleted);
    }

    [Fact]
    public async Task Nothing_is_recorded_in_the_preview()
    {
        using var editor = await ContentForms.SignedInAsync(site, DemoUsers.Editor);
        var editorId = await site.UserIdAsync(DemoUsers.Editor);
        var section = await editor.GetPageAsync("/admin/forhandsgranska/program/modul/1/presentation-av-upplagget?moduler=alla&kalla=utkast");
        Assert.Equal(HttpStatusCode.OK, section.Status);
        Assert.Null(section.Document.QuerySelector("[data-testid=finish-form]"));
        var module = await editor.GetPageAsync("/admin/forhandsgranska/program/modul/1?moduler=alla&kalla=utkast");
        Assert.Null(module.Document.QuerySelector("[data-exercise-played]"));

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, section.Token,
            "/admin/forhandsgranska/program/modul/1/presentation-av-upplagget?handler=finished", "auto=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(editor, section.Token,
            "/admin/forhandsgranska/program/ovningar/kroppsscanning?handler=played")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(editor, section.Token,
            "/program/modul/1/presentation-av-upplagget?handler=finished", "auto=1")).StatusCode);
        var recorded = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CurriculumDbContext>();
            return await db.SectionReads.CountAsync(r => r.UserId == editorId) + await db.ExercisePlays.CountAsync(p => p.UserId == editorId);
        });
        Assert.Equal(0, recorded);
    }

    [Fact]
    public async Task Last_active_moves_on_page_views_at_most_every_five_minutes()
    {
        var (email, _, _, enrolment) = await site.EnrolNewPatientAsync(UnlockPolicyKind.AllAtStart);
        using var patient = await ContentForms.SignedInAsync(site, email);
        await patient.GetPageAsync("/program");
        var first = await LastActiveAsync(enrolment.Id);
        Assert.NotNull(first);

        site.Clock.Advance(TimeSpan.FromMinutes(2));
        await patient.GetPageAsync("/program/ovningar");
        Assert.Equal(first, await LastActiveAsync(enrolment.Id));

        site.Clock.Advance(TimeSpan.FromMinutes(4));
        await patient.GetPageAsync("/program/ovningar");
        Assert.True(await LastActiveAsync(enrolment.Id) > first);
    }

    private Task<DateTime?> LastActiveAsync(Guid enrolmentId) => site.WithScopeAsync(sp =>
        sp.GetRequiredService<EnrolmentDbContext>().Enrolments.Where(e => e.Id == enrolmentId).Select(e => e.LastActiveUtc).SingleAsync());

    /// <summary>What the patient theme's script sends: the token in the header, a form body.</summary>
    private static Task<HttpResponseMessage> PostAsync(SiteClient client, string token, string url, string body = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("RequestVerificationToken", token);
        return client.Http.SendAsync(request);
    }

    private static List<string> States(Page page) =>
        page.Document.QuerySelectorAll("[data-testid=module-state]").Select(s => s.TextContent).ToList();
}

public sealed class ProgressTestsSqlite(SqliteSite site) : ProgressTests<SqliteSite>(site);

public sealed class ProgressTestsPostgres(PostgresSite site) : ProgressTests<PostgresSite>(site);
