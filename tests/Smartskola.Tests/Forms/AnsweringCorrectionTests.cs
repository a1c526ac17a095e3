using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Forms.AnsweringSeed;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Forms;

/// <summary>
/// A patient corrects a saved diary entry within seven days: rescored, derived values follow, a stale tab is refused,
/// older entries, other patients' entries and ordinary forms stay as they are.
/// </summary>
public abstract class AnsweringCorrectionTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private const string Closed = "Anteckningar äldre än 7 dagar kan inte ändras.";

    // 480 min in bed, 30 to fall asleep, 45 awake: 84 % sleep efficiency, 75 minutes "Vaken tid".
    private static Dictionary<string, string> LastNight() => new() { ["in"] = "22:30", ["up"] = "06:30", ["latency"] = "30", ["awake"] = "45" };

    private async Task<(SiteClient Patient, Guid Id)> DiaryAsync(string title)
    {
        var id = await AssignAsync(site, await TemplateAsync(site, SleepDiary(), title));
        return (await SignedInAsync(site, DemoUsers.Patient), id);
    }

    /// <summary>Saves the entry for the day, then lets a minute pass (a correction comes later than the save).</summary>
    private async Task<FormResponse> SavedAsync(SiteClient patient, Guid id, string day)
    {
        var posted = await patient.SubmitAsync($"/program/formular/{id}?datum={day}", LastNight());
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        return await EntryAsync(id, day);
    }

    private async Task<FormResponse> EntryAsync(Guid id, string day) => (await ResponsesAsync(site, id)).Single(r => r.EntryKey == day);

    /// <summary>A correction posted the way the page's form would, with the token and revision of that page.</summary>
    private static Task<HttpResponseMessage> CorrectAsync(SiteClient patient, string url, Page page, int revision,
        Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = page.Token;
        fields["_revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return patient.Http.PostAsync(url + "&handler=correct", new FormUrlEncodedContent(fields));
    }

    private static string Value(Page page, string selector) => page.Document.QuerySelector<IHtmlInputElement>(selector)!.Value;

    [Fact]
    public async Task Yesterdays_entry_is_corrected_rescored_and_the_clinician_sees_when_it_was_changed()
    {
        var (patient, id) = await DiaryAsync("Sömndagbok att rätta");
        using var _ = patient;
        var yesterday = Day(site, 1);
        var saved = await SavedAsync(patient, id, yesterday);
        Assert.Equal(75, FormScorer.FromJson(saved.ScoresJson).Single().Value);
        var url = $"/program/formular/{id}?datum={yesterday}";

        var page = await patient.GetPageAsync(url);
        Assert.Equal("Spara ändringar", page.Text("form[data-answer-form] [data-submit]"));
        Assert.Equal("22:30", Value(page, "#q-in"));
        Assert.Contains("Du kan ändra anteckningen till och med", page.Text("[data-testid=correction-info]"));

        // Invalid: explained beside the question, the typed text kept, the saved entry untouched.
        var invalid = await patient.ToPageAsync(await patient.SubmitAsync(url, new Dictionary<string, string> { ["in"] = "21:30", ["up"] = "" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.Status);
        Assert.Equal("Frågan behöver besvaras.", invalid.Text("#q-up-error"));
        Assert.Equal("q-up-error", invalid.Document.QuerySelector("#q-up")!.GetAttribute("aria-describedby"));
        Assert.Equal("21:30", Value(invalid, "#q-in"));
        Assert.Equal("Spara ändringar", invalid.Text("form[data-answer-form] [data-submit]"));
        var untouched = await EntryAsync(id, yesterday);
        Assert.Equal((saved.AnswersJson, saved.Revision, saved.SavedUtc), (untouched.AnswersJson, untouched.Revision, untouched.SavedUtc));

        var corrected = await patient.SubmitAsync(url, new Dictionary<string, string> { ["in"] = "23:30", ["awake"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var list = await patient.GetPageAsync(corrected.Headers.Location!.OriginalString);
        Assert.Equal("Ändringarna är sparade.", list.Text("[data-testid=form-status]"));
        var entry = Assert.Single(list.Document.QuerySelectorAll("[data-testid=diary-entry]"));
        // 420 min in bed, 30 to fall asleep, none awake: 390 / 420 = 92.9 %.
        Assert.Equal("93 %", entry.QuerySelector("[data-derived=se]")!.TextContent);
        Assert.StartsWith("Sparad, ändrad ", entry.QuerySelector("[data-testid=entry-state]")!.TextContent);

        var stored = await EntryAsync(id, yesterday);
        Assert.Equal(ResponseStatus.Submitted, stored.Status);
        Assert.Equal(saved.SubmittedUtc, stored.SubmittedUtc);
        Assert.Equal(saved.Revision + 1, stored.Revision);
        Assert.NotNull(stored.CorrectedUtc);
        Assert.Equal("23:30", FormAnswers.FromJson(stored.AnswersJson).Text("in"));
        Assert.Equal(30, FormScorer.FromJson(stored.ScoresJson).Single().Value);
        Assert.Single(await ResponsesAsync(site, id));

        using var clinician = site.CreateSiteClient();
        await clinician.LoginAsync(DemoUsers.ClinicianNorth);
        var answer = await clinician.GetPageAsync($"/admin/patienter/{stored.EnrolmentId}/formular/svar/{stored.Id}");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.StartsWith("Ändrad ", answer.Text("[data-testid=corrected]"));
        Assert.Equal(yesterday, answer.Text("[data-testid=entry-date]"));
        Assert.Equal("30", answer.Document.QuerySelector("[data-testid=score-row] td:nth-child(2)")!.TextContent);
        Assert.Contains("23:30", answer.Text("[data-testid=answers]"));
        var forms = await clinician.GetPageAsync($"/admin/patienter/{stored.EnrolmentId}/formular");
        var row = forms.Document.QuerySelectorAll("[data-testid=form-row]").Single(r => r.TextContent.Contains("Sömndagbok att rätta"));
        Assert.StartsWith("Ändrad ", row.QuerySelector("[data-testid=corrected]")!.TextContent);
        var dispatch = await clinician.GetPageAsync($"/admin/formular/utskick/{(await AssignmentAsync(site, id)).DispatchId}");
        Assert.StartsWith("Ändrad ", dispatch.Text("[data-testid=followup-row] [data-testid=corrected]"));
    }

    [Fact]
    public async Task Entries_older_than_seven_days_are_read_only_and_a_correction_is_refused()
    {
        var (patient, id) = await DiaryAsync("Sömndagbok gammal");
        using var _ = patient;
        var weekAgo = Day(site, 7);
        var older = Day(site, 8);
        await SavedAsync(patient, id, weekAgo);
        var saved = await SavedAsync(patient, id, older);

        Assert.Equal("Spara ändringar", (await patient.GetPageAsync($"/program/formular/{id}?datum={weekAgo}")).Text("[data-submit]"));
        var url = $"/program/formular/{id}?datum={older}";
        var page = await patient.GetPageAsync(url);
        Assert.Null(page.Document.QuerySelector("form[data-answer-form]"));
        Assert.Equal(Closed, page.Text("[data-testid=correction-closed]"));
        Assert.Contains("22:30", page.Text("main"));

        var refused = await patient.ToPageAsync(await CorrectAsync(patient, url, page, saved.Revision,
            new Dictionary<string, string> { ["in"] = "20:00", ["up"] = "06:30" }));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal(Closed, refused.Text("[data-testid=correction-notice]"));
        Assert.Contains("22:30", refused.Text("main"));
        var stored = await EntryAsync(id, older);
        Assert.Equal((saved.AnswersJson, saved.Revision, saved.SavedUtc, saved.ScoresJson),
            (stored.AnswersJson, stored.Revision, stored.SavedUtc, stored.ScoresJson));
        Assert.Null(stored.CorrectedUtc);
    }

    [Fact]
    public async Task A_stale_tab_gets_409_and_the_current_answers_never_overwriting_the_newer_correction()
    {
        var (patient, id) = await DiaryAsync("Sömndagbok två flikar");
        using var _ = patient;
        var yesterday = Day(site, 1);
        var saved = await SavedAsync(patient, id, yesterday);
        var url = $"/program/formular/{id}?datum={yesterday}";
        var first = await patient.GetPageAsync(url);
        var second = await patient.GetPageAsync(url);
        Assert.Equal(saved.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), Value(second, "input[name=_revision]"));

        var fromFirst = await CorrectAsync(patient, url, first, saved.Revision,
            new Dictionary<string, string> { ["in"] = "23:00", ["up"] = "06:30", ["latency"] = "10" });
        Assert.Equal(HttpStatusCode.Redirect, fromFirst.StatusCode);
        var stale = await patient.ToPageAsync(await CorrectAsync(patient, url, second, saved.Revision,
            new Dictionary<string, string> { ["in"] = "21:00", ["up"] = "05:00" }));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("ändrades i en annan flik", stale.Text("[data-testid=correction-notice]"));
        Assert.Equal("23:00", Value(stale, "#q-in"));
        Assert.Equal("06:30", Value(stale, "#q-up"));
        Assert.Equal((saved.Revision + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Value(stale, "input[name=_revision]"));

        var stored = await EntryAsync(id, yesterday);
        Assert.Equal(saved.Revision + 1, stored.Revision);
        Assert.Equal("23:00", FormAnswers.FromJson(stored.AnswersJson).Text("in"));
        Assert.Equal(10, FormScorer.FromJson(stored.ScoresJson).Single().Value);
    }

    [Fact]
    public async Task Autosave_never_turns_a_saved_entry_back_into_a_draft()
    {
        var (patient, id) = await DiaryAsync("Sömndagbok autospara");
        using var _ = patient;
        var yesterday = Day(site, 1);
        var saved = await SavedAsync(patient, id, yesterday);
        var page = await patient.GetPageAsync($"/program/formular/{id}?datum={yesterday}");
        Assert.NotNull(page.Document.QuerySelector("form[data-answer-form][data-correcting=true]"));

        var request = new HttpRequestMessage(HttpMethod.Post, $"/program/formular/{id}?handler=save&datum={yesterday}")
        {
            Content = JsonContent.Create(new { revision = saved.Revision, answers = new Dictionary<string, string[]> { ["in"] = ["20:00"] } }),
        };
        request.Headers.Add("RequestVerificationToken", page.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Assert.Equal(HttpStatusCode.Conflict, (await patient.Http.SendAsync(request)).StatusCode);
        var stored = await EntryAsync(id, yesterday);
        Assert.Equal(ResponseStatus.Submitted, stored.Status);
        Assert.Equal(saved.AnswersJson, stored.AnswersJson);
    }

    [Fact]
    public async Task Another_patients_entry_is_not_there()
    {
        var template = await TemplateAsync(site, SleepDiary(), "Sömndagbok någon annans");
        var others = await AssignAsync(site, template, givenName: "Olle");
        var yesterday = Day(site, 1);
        var theirs = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FormsDbContext>();
            var assignment = db.Assignments.Single(a => a.Id == others);
            var now = site.Clock.GetUtcNow().UtcDateTime;
            var response = new FormResponse
            {
                Id = Guid.NewGuid(), AssignmentId = others, EnrolmentId = assignment.EnrolmentId, UnitId = assignment.UnitId,
                TemplateId = template, TemplateVersion = 1, EntryKey = yesterday, EntryDate = DateOnly.Parse(yesterday, System.Globalization.CultureInfo.InvariantCulture),
                Status = ResponseStatus.Submitted, AnswersJson = """{"in":"22:30","up":"06:30"}""", StartedUtc = now, SavedUtc = now, SubmittedUtc = now, Revision = 2,
            };
            db.Responses.Add(response);
            await db.SaveChangesAsync();
            return response;
        });
        var (patient, own) = await DiaryAsync("Sömndagbok egen");
        using var _ = patient;
        var ownPage = await patient.GetPageAsync($"/program/formular/{own}");
        var url = $"/program/formular/{others}?datum={yesterday}";

        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync(url)).StatusCode);
        var posted = await CorrectAsync(patient, url, ownPage, theirs.Revision, new Dictionary<string, string> { ["in"] = "20:00", ["up"] = "06:30" });
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        var stored = Assert.Single(await ResponsesAsync(site, others));
        Assert.Equal((theirs.AnswersJson, theirs.Revision), (stored.AnswersJson, stored.Revision));
    }

    [Fact]
    public async Task A_submitted_form_that_is_not_a_diary_cannot_be_corrected()
    {
        var id = await AssignAsync(site, await TemplateAsync(site, ConditionalForm(), "Inte en dagbok"));
        using var patient = await SignedInAsync(site, DemoUsers.Patient);
        var url = $"/program/formular/{id}";
        var draft = await patient.GetPageAsync(url);
        // Before it is sent the form autosaves as always.
        Assert.Equal("false", draft.Document.QuerySelector("form[data-answer-form]")!.GetAttribute("data-correcting"));
        Assert.Equal(HttpStatusCode.Redirect, (await patient.SubmitAsync(url, new Dictionary<string, string> { ["f1"] = "nej", ["f4"] = "Första svaret" })).StatusCode);
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        var saved = Assert.Single(await ResponsesAsync(site, id));

        var receipt = await patient.GetPageAsync(url);
        Assert.Null(receipt.Document.QuerySelector("form[data-answer-form]"));
        Assert.Null(receipt.Document.QuerySelector("[data-testid=correction-closed]"));
        var posted = await patient.Http.PostAsync(url + "?handler=correct", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = receipt.Token, ["_revision"] = saved.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["f1"] = "nej", ["f4"] = "Ett ändrat svar",
        }));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        var stored = Assert.Single(await ResponsesAsync(site, id));
        Assert.Equal((saved.AnswersJson, saved.Revision, saved.SavedUtc), (stored.AnswersJson, stored.Revision, stored.SavedUtc));
        Assert.Contains("Första svaret", (await patient.GetPageAsync(url)).MainText);
    }
}

public sealed class AnsweringCorrectionTestsSqlite(SqliteSite site) : AnsweringCorrectionTests<SqliteSite>(site);

public sealed class AnsweringCorrectionTestsPostgres(PostgresSite site) : AnsweringCorrectionTests<PostgresSite>(site);
