using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Enrolment.Data;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Enrolment.EnrolmentClient;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Enrolment;

/// <summary>Enrolling through the clinician's form, invitations, and who may see which patient.</summary>
public abstract class EnrolmentTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Theory]
    [InlineData("19121212-1213", "Kontrollsiffran stämmer inte")]
    [InlineData("19121332-1212", "Datumet i personnumret finns inte")]
    [InlineData("1212", "10 eller 12 siffror")]
    public async Task An_invalid_personnummer_is_refused_in_Swedish_and_nothing_is_saved(string personnummer, string message)
    {
        using var clinician = await SignedInAsync(site, DemoUsers.ClinicianNorth);
        var before = await CountAsync();
        var page = await SubmitAsync(clinician, Fields(personnummer));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains(message, page.Text("[data-testid=errors]"));
        Assert.Equal(personnummer, page.Document.QuerySelector("#Input_Personnummer")!.GetAttribute("value"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_date_or_policy_that_cannot_be_read_is_reported_and_nothing_is_saved()
    {
        using var clinician = await SignedInAsync(site, DemoUsers.ClinicianNorth);
        var before = await CountAsync();
        var fields = Fields(TestPersonnummer.Next());
        fields["Input.StartDate"] = "den femte";
        fields["Input.Policy"] = "Slumpvis";
        var page = await SubmitAsync(clinician, fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("Värdet ”den femte” går inte att tolka", page.Text("[data-testid=errors]"));
        Assert.Contains("Värdet ”Slumpvis” går inte att tolka", page.Text("[data-testid=errors]"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_second_running_enrolment_for_the_same_person_is_refused()
    {
        using var clinician = await SignedInAsync(site, DemoUsers.ClinicianNorth);
        var personnummer = TestPersonnummer.Next();
        await EnrolAsync(clinician, Fields(personnummer, "Dubbel", "Inskriven"));
        var again = await SubmitAsync(clinician, Fields(personnummer.Replace("-", string.Empty, StringComparison.Ordinal), "Dubbel", "Inskriven"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.Status);
        Assert.Contains("Patienten har redan en pågående inskrivning i programmet på din vårdenhet", again.Text("[data-testid=errors]"));

        using var east = await SignedInAsync(site, DemoUsers.ClinicianEast);
        var elsewhere = await SubmitAsync(east, Fields(personnummer, "Dubbel", "Inskriven"));
        Assert.Contains("på en annan vårdenhet", elsewhere.Text("[data-testid=errors]"));
        Assert.Equal(1, await site.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<EnrolmentDbContext>();
            return db.Enrolments.CountAsync(e => db.Patients.Any(p => p.Id == e.PatientId && p.GivenName == "Dubbel"));
        }));
    }

    [Fact]
    public async Task An_invitation_link_works_once_and_then_explains_itself()
    {
        using var clinician = await SignedInAsync(site, DemoUsers.ClinicianNorth);
        var (id, link) = await EnrolAsync(clinician, Fields(TestPersonnummer.Next(), "Ina", "Inbjuden"));
        Assert.StartsWith("/inbjudan/", link);

        using var patient = site.CreateSiteClient();
        var form = await patient.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Välkommen, Ina!", form.MainText);
        var email = $"ina-{Guid.NewGuid():N}@test.smartskola.se";
        var mismatch = await patient.ToPageAsync(await patient.SubmitAsync(link,
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = "ett långt lösenord", ["ConfirmPassword"] = "ett annat lösenord" }));
        Assert.Contains("Lösenorden är inte likadana", mismatch.Text("[data-testid=errors]"));

        var accepted = await patient.SubmitAsync(link,
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = "ett långt lösenord", ["ConfirmPassword"] = "ett långt lösenord" });
        Assert.Equal("/program", accepted.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync("/program")).StatusCode);

        using var someoneElse = site.CreateSiteClient();
        var reused = await someoneElse.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.Gone, reused.Status);
        Assert.Contains("Länken har redan använts", reused.Text("[data-testid=invitation-problem]"));
        var unknown = await someoneElse.GetPageAsync("/inbjudan/finns-inte");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);

        var clinicianView = await clinician.GetPageAsync($"/admin/patienter/{id}");
        Assert.Equal("Patienten har skapat sin inloggning", clinicianView.Text("[data-testid=sign-in-state]"));

        // The clinician's look is in the patient's own log extract: which unit, and when (patientdatalagen 8:5).
        var extract = await patient.GetPageAsync("/program/loggutdrag");
        Assert.Contains("Primärvårdsrehabiliteringen norra", extract.Text("[data-testid=log-extract]"));
        Assert.Contains("Tittade på din översikt", extract.Text("[data-testid=log-extract]"));
        Assert.DoesNotContain("Behandlare", extract.Text("[data-testid=log-extract]"));
    }

    [Fact]
    public async Task An_invitation_link_expires_after_fourteen_days()
    {
        using var clinician = await SignedInAsync(site, DemoUsers.ClinicianNorth);
        var (_, link) = await EnrolAsync(clinician, Fields(TestPersonnummer.Next(), "Sen", "Inbjuden"));
        using var patient = site.CreateSiteClient();
        Assert.Equal(HttpStatusCode.OK, (await patient.GetPageAsync(link)).Status);
        await using var later = await AdvancedClockAsync(TimeSpan.FromDays(15));
        var expired = await patient.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Contains("Länken har gått ut. Be din behandlare om en ny inbjudan.", expired.Text("[data-testid=invitation-problem]"));
        Assert.Null(expired.Document.QuerySelector("main form"));
    }

    [Fact]
    public async Task Clinicians_of_another_unit_cannot_open_list_or_search_a_patient_and_every_view_is_audited()
    {
        using var northClinician = await SignedInAsync(site, DemoUsers.ClinicianNorth);
        var personnummer = TestPersonnummer.Next();
        var (id, _) = await EnrolAsync(northClinician, Fields(personnummer, "Norrbo", "Enhetsdotter"));
        var view = await northClinician.GetPageAsync($"/admin/patienter/{id}");
        Assert.Equal(HttpStatusCode.OK, view.Status);
        Assert.Equal(personnummer, view.Text("[data-testid=personnummer]"));

        using var east = await SignedInAsync(site, DemoUsers.ClinicianEast);
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/admin/patienter/{id}")).StatusCode);
        Assert.DoesNotContain("Enhetsdotter", (await east.GetPageAsync("/admin/patienter?visa=enheten")).MainText);
        var byName = await east.ToPageAsync(await east.SubmitAsync("/admin/patienter", new Dictionary<string, string> { ["Search"] = "Enhetsdotter" }, "form.search"));
        Assert.NotNull(byName.Document.QuerySelector("[data-testid=triage-empty]"));
        var byNumber = await east.ToPageAsync(await east.SubmitAsync("/admin/patienter", new Dictionary<string, string> { ["Search"] = personnummer }, "form.search"));
        Assert.NotNull(byNumber.Document.QuerySelector("[data-testid=triage-empty]"));
        var ownSearch = await northClinician.ToPageAsync(await northClinician.SubmitAsync("/admin/patienter", new Dictionary<string, string> { ["Search"] = personnummer }, "form.search"));
        Assert.Equal(["Norrbo Enhetsdotter"], ownSearch.Document.QuerySelectorAll("[data-testid=patient-link]").Select(a => a.TextContent).ToList());

        var north = await site.UnitIdAsync("rehab-norra");
        var views = await site.EntriesAsync("patient.view", id.ToString());
        Assert.Contains(views, e => e.Outcome == "Success" && e.SubjectPatientId is not null && e.ActorUnitId == north);
        Assert.Contains(views, e => e.Outcome == "Denied");
        Assert.DoesNotContain(personnummer.Replace("-", string.Empty, StringComparison.Ordinal),
            string.Join('\n', site.Logs.Lines));
    }

    [Fact]
    public async Task A_clinician_opens_a_module_by_hand_and_a_stale_page_is_refused_with_409()
    {
        using var clinician = await SignedInAsync(site, DemoUsers.ClinicianNorth);
        var (id, _) = await EnrolAsync(clinician, Fields(TestPersonnummer.Next(), "Hanna", "Handöppnad", policy: "Manual"));
        var page = await clinician.GetPageAsync($"/admin/patienter/{id}");
        Assert.All(page.Document.QuerySelectorAll("[data-testid=module-state]"), s => Assert.StartsWith("Låst", s.TextContent.Trim()));
        var staleVersion = page.Document.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var opened = await clinician.FollowAsync(await clinician.SubmitAsync($"/admin/patienter/{id}", new Dictionary<string, string>(),
            "form[action*='handler=Module']"));
        var after = await clinician.ToPageAsync(opened);
        Assert.Equal("Modulen är öppnad.", after.Text("[data-testid=status]"));
        Assert.StartsWith("Öppen", after.Document.QuerySelectorAll("[data-testid=module-state]")[0].TextContent.Trim());
        Assert.Contains("Modul 1", after.Text("[data-testid=timeline]"));

        // Someone else's page, read before that change, tries to end the enrolment: refused, nothing changes.
        var endForm = after.Document.QuerySelector("form[action*='handler=End']")!;
        var stale = await clinician.Http.PostAsync(endForm.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = after.Token, ["Version"] = staleVersion,
        }));
        var refused = await clinician.ToPageAsync(stale);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("Någon annan har ändrat inskrivningen", refused.Text("[data-testid=errors]"));
        Assert.Equal("Aktiv", refused.Text("[data-testid=enrolment-status]"));
    }

    private Task<int> CountAsync() => site.WithScopeAsync(sp => sp.GetRequiredService<EnrolmentDbContext>().Enrolments.CountAsync());

    /// <summary>Moves the site's clock forward for the rest of the test, and back afterwards (the class shares one site).</summary>
    private async Task<IAsyncDisposable> AdvancedClockAsync(TimeSpan by)
    {
        site.Clock.Advance(by);
        await Task.CompletedTask;
        return new ClockBack(site.Clock, by);
    }

    private sealed class ClockBack(TestClock clock, TimeSpan by) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            clock.Advance(-by);
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class SqliteEnrolmentTests(SqliteSite site) : EnrolmentTests<SqliteSite>(site);

public sealed class PostgresEnrolmentTests(PostgresSite site) : EnrolmentTests<PostgresSite>(site);
