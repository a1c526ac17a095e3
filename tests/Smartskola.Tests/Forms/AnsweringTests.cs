using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Smartskola.Forms.Data;
using Smartskola.Forms.Definitions;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Forms.AnsweringSeed;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Forms;

/// <summary>The patient answers a dispatched form: autosave, validation, one response however often it is submitted.</summary>
public abstract class AnsweringTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private async Task<(SiteClient Patient, Guid AssignmentId)> AssignedAsync(string title)
    {
        var template = await TemplateAsync(site, ConditionalForm(), title);
        var assignment = await AssignAsync(site, template);
        return (await SignedInAsync(site, DemoUsers.Patient), assignment);
    }

    [Fact]
    public async Task A_dispatched_form_is_in_Att_gora_and_opens_with_its_questions()
    {
        var (patient, id) = await AssignedAsync("Veckouppföljning");
        using var _ = patient;
        var home = await patient.GetPageAsync("/program");
        Assert.Contains("Veckouppföljning", home.Text("[data-testid=todo]"));
        Assert.Contains("Inte påbörjat", home.Text("[data-testid=todo]"));
        var task = home.Document.QuerySelectorAll("[data-testid=todo] li").Single(li => li.TextContent.Contains("Veckouppföljning"));
        Assert.Equal($"/program/formular/{id}", task.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Inte påbörjat", task.TextContent);

        var page = await patient.GetPageAsync($"/program/formular/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(PainNow + " (obligatorisk)", page.Text("#q-f1 legend"));
        // The follow-up is there for the browser to show, hidden until "ja".
        Assert.True(page.Document.QuerySelector("[data-item=f2]")!.HasAttribute("hidden"));
        Assert.Equal("Hur ont gör det?", page.Text("label[for=q-f3]"));
        Assert.Equal("range", page.Document.QuerySelector("#q-f3")!.GetAttribute("type"));
    }

    [Fact]
    public async Task Two_parallel_submits_make_one_submitted_response_and_the_same_receipt()
    {
        var (patient, id) = await AssignedAsync("Dubbelklick");
        using var _ = patient;
        var page = await patient.GetPageAsync($"/program/formular/{id}");
        FormUrlEncodedContent Body() => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.Token, ["f1"] = "ja", ["f2"] = "I ländryggen", ["f3"] = "6",
        });
        var posts = await Task.WhenAll(patient.Http.PostAsync($"/program/formular/{id}", Body()),
            patient.Http.PostAsync($"/program/formular/{id}", Body()), patient.Http.PostAsync($"/program/formular/{id}", Body()));
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.StatusCode));

        var responses = await ResponsesAsync(site, id);
        var response = Assert.Single(responses);
        Assert.Equal(ResponseStatus.Submitted, response.Status);
        Assert.Equal(AssignmentStatus.Answered, (await AssignmentAsync(site, id)).Status);

        var receipt = await patient.GetPageAsync($"/program/formular/{id}");
        Assert.Contains("Skickat", receipt.Text("[data-testid=form-receipt]"));
        Assert.Contains("I ländryggen", receipt.MainText);
        Assert.Contains($"{PainNow} Ja", receipt.MainText);
        Assert.Null(receipt.Document.QuerySelector("form[data-answer-form]"));

        // A retry after the receipt lands on the receipt again, still one response.
        var again = await patient.Http.PostAsync($"/program/formular/{id}", Body());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Single(await ResponsesAsync(site, id));
        Assert.DoesNotContain("Dubbelklick", (await patient.GetPageAsync("/program")).Text("[data-testid=todo]"));
    }

    [Fact]
    public async Task A_missing_answer_is_explained_beside_the_question_and_what_was_typed_is_kept()
    {
        var (patient, id) = await AssignedAsync("Validering");
        using var _ = patient;
        var result = await patient.ToPageAsync(await patient.SubmitAsync($"/program/formular/{id}",
            new Dictionary<string, string> { ["f1"] = "ja", ["f4"] = "Att andas lugnt" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Equal("Frågan behöver besvaras.", result.Text("#q-f2-error"));
        Assert.Equal("q-f2-error", result.Document.QuerySelector("#q-f2")!.GetAttribute("aria-describedby"));
        Assert.Contains("Frågan behöver besvaras.", result.Text("[data-testid=error-summary]"));
        Assert.Equal("Att andas lugnt", result.Document.QuerySelector("#q-f4")!.TextContent);
        Assert.NotNull(result.Document.QuerySelector("#q-f1-0[checked]"));
        var draft = Assert.Single(await ResponsesAsync(site, id));
        Assert.Equal(ResponseStatus.Draft, draft.Status);
    }

    [Fact]
    public async Task An_answer_to_a_question_no_longer_shown_is_not_submitted()
    {
        var (patient, id) = await AssignedAsync("Dold fråga");
        using var _ = patient;
        var posted = await patient.SubmitAsync($"/program/formular/{id}",
            new Dictionary<string, string> { ["f1"] = "nej", ["f2"] = "skrivet innan jag ångrade mig" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var response = Assert.Single(await ResponsesAsync(site, id));
        var answers = FormAnswers.FromJson(response.AnswersJson);
        Assert.Equal("nej", answers.Text("f1"));
        Assert.False(answers.Has("f2"));
    }

    [Fact]
    public async Task Autosave_keeps_text_as_typed_and_refuses_a_stale_tab()
    {
        var (patient, id) = await AssignedAsync("Autospara");
        using var _ = patient;
        var page = await patient.GetPageAsync($"/program/formular/{id}");
        async Task<HttpResponseMessage> SaveAsync(int revision, string text)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/program/formular/{id}?handler=save")
            {
                Content = JsonContent.Create(new { revision, answers = new Dictionary<string, object> { ["f4"] = new[] { text }, ["f3"] = new[] { "ganska" } } }),
            };
            request.Headers.Add("RequestVerificationToken", page.Token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return await patient.Http.SendAsync(request);
        }

        var first = await SaveAsync(0, "Första");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonObject>())!["revision"]!.GetValue<int>());
        Assert.Equal(AssignmentStatus.InProgress, (await AssignmentAsync(site, id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(1, "Andra")).StatusCode);

        var stale = await SaveAsync(1, "Från en gammal flik");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var body = (await stale.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("annan flik", body["message"]!.GetValue<string>());
        Assert.Equal("Andra", body["answers"]!["f4"]!.GetValue<string>());

        var saved = FormAnswers.FromJson(Assert.Single(await ResponsesAsync(site, id)).AnswersJson);
        Assert.Equal("Andra", saved.Text("f4"));
        Assert.Equal("ganska", saved.Text("f3")); // Kept as typed; validation is at submit.

        var reopened = await patient.GetPageAsync($"/program/formular/{id}");
        Assert.Equal("Andra", reopened.Document.QuerySelector("#q-f4")!.TextContent);
    }

    [Fact]
    public async Task An_expired_session_gets_401_from_autosave_not_the_login_page()
    {
        var template = await TemplateAsync(site, ConditionalForm(), "Utloggad");
        var id = await AssignAsync(site, template);
        using var anonymous = site.CreateSiteClient();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/program/formular/{id}?handler=save")
        {
            Content = JsonContent.Create(new { revision = 0, answers = new Dictionary<string, string[]>() }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Another_patients_form_and_a_form_not_yet_available_are_not_there()
    {
        var template = await TemplateAsync(site, ConditionalForm(), "Någon annans");
        var others = await AssignAsync(site, template, givenName: "Olle");
        var later = await AssignAsync(site, template, availableInDays: 3);
        using var patient = await SignedInAsync(site, DemoUsers.Patient);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/program/formular/{others}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/program/formular/{later}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/program/formular/{Guid.NewGuid()}")).StatusCode);
        Assert.DoesNotContain("Någon annans", (await patient.GetPageAsync("/program")).MainText);
    }

    [Fact]
    public async Task A_module_form_opens_one_assignment_and_its_answer_appears_in_Mina_svar_and_the_pdf()
    {
        var template = await TemplateAsync(site, ConditionalForm(), "Reflektion modul 2");
        var moduleId = await AttachToModuleAsync(site, 2, template);
        using var patient = await SignedInAsync(site, DemoUsers.Patient);
        var module = await patient.GetPageAsync("/program/modul/2");
        var link = module.Document.QuerySelectorAll("[data-testid=module-forms] a")
            .Single(a => a.TextContent == "Reflektion modul 2").GetAttribute("href")!;
        Assert.Equal($"/program/modul/2/formular/{template}", link);
        Assert.Contains("Inte påbörjat", module.Text("[data-testid=module-forms]"));

        var first = await patient.GetAsync(link);
        var second = await patient.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var id = Guid.Parse(first.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(moduleId, (await AssignmentAsync(site, id)).ModuleItemId);
        // The same form in another module is not there.
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/program/modul/3/formular/{template}")).StatusCode);

        var posted = await patient.SubmitAsync($"/program/formular/{id}",
            new Dictionary<string, string> { ["f1"] = "nej", ["f4"] = "Pacing hjälper mig mest, även på måndagar" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("Skickat", (await patient.GetPageAsync("/program/modul/2")).Document
            .QuerySelectorAll("[data-testid=module-forms] li").Single(li => li.TextContent.Contains("Reflektion modul 2")).QuerySelector(".read-mark")!.TextContent);

        var home = await patient.GetPageAsync("/program");
        Assert.Equal("/program/mina-svar", home.Document.QuerySelector("[data-testid=answers-link] a")!.GetAttribute("href"));
        var summary = await patient.GetPageAsync("/program/mina-svar");
        var section = summary.Document.QuerySelectorAll("[data-testid=summary-module]").Single(s => s.TextContent.Contains("Reflektion modul 2"));
        Assert.StartsWith("Modul 2:", section.QuerySelector("h2")!.TextContent);
        Assert.Contains($"{Reflection} Pacing hjälper mig mest, även på måndagar", Page.Collapse(section.TextContent));

        var pdf = await patient.GetAsync("/program/mina-svar?handler=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Mina svar", text);
        Assert.Contains("Pacing hjälper mig mest, även på måndagar", text);
        Assert.Contains("Reflektion modul 2", text);
    }

    [Fact]
    public async Task A_sleep_diary_lists_entries_by_date_with_sleep_efficiency_and_one_entry_per_day()
    {
        var definition = new FormDefinition
        {
            Items =
            [
                new FormItem { Id = "in", Type = FormItemType.Time, Text = "När gick du och lade dig?", Required = true },
                new FormItem { Id = "up", Type = FormItemType.Time, Text = "När steg du upp?", Required = true },
                new FormItem { Id = "latency", Type = FormItemType.Integer, Text = "Hur länge tog det att somna?", Unit = "minuter" },
                new FormItem { Id = "awake", Type = FormItemType.Integer, Text = "Hur länge var du vaken i natt?", Unit = "minuter" },
            ],
            Diary = new DiarySettings
            {
                Frequency = DiaryFrequency.OncePerDay,
                Derived = [new DerivedValue { Id = "se", Label = "Sömneffektivitet", Kind = DerivedKind.SleepEfficiency, ItemIds = ["in", "up", "latency", "awake"], Unit = "%" }],
            },
        };
        var id = await AssignAsync(site, await TemplateAsync(site, definition, "Sömndagbok"));
        using var patient = await SignedInAsync(site, DemoUsers.Patient);
        var today = Smartskola.Core.Site.SwedishTime.Today(site.Clock);
        var yesterday = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var todayText = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var first = await patient.SubmitAsync($"/program/formular/{id}?datum={yesterday}",
            new Dictionary<string, string> { ["in"] = "22:30", ["up"] = "06:30", ["latency"] = "30", ["awake"] = "45" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await patient.SubmitAsync($"/program/formular/{id}?datum={todayText}",
            new Dictionary<string, string> { ["in"] = "23:00", ["up"] = "07:00", ["latency"] = "0", ["awake"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        // The same date again opens that entry (already saved, so as a correction of it), never a second one.
        var again = await patient.GetPageAsync($"/program/formular/{id}?datum={yesterday}");
        Assert.Equal("Spara ändringar", again.Text("form[data-answer-form] [data-submit]"));
        Assert.Equal("22:30", again.Document.QuerySelector("#q-in")!.GetAttribute("value"));

        var list = await patient.GetPageAsync($"/program/formular/{id}");
        var entries = list.Document.QuerySelectorAll("[data-testid=diary-entry]");
        Assert.Equal(2, entries.Length);
        Assert.Equal("100 %", entries[0].QuerySelector("[data-derived=se]")!.TextContent);
        Assert.Equal("84 %", entries[1].QuerySelector("[data-derived=se]")!.TextContent);
        Assert.Equal(2, (await ResponsesAsync(site, id)).Count);
        Assert.NotEqual(AssignmentStatus.Answered, (await AssignmentAsync(site, id)).Status);

        var future = today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync($"/program/formular/{id}?datum={future}")).StatusCode);
    }
}

public sealed class AnsweringTestsSqlite(SqliteSite site) : AnsweringTests<SqliteSite>(site);

public sealed class AnsweringTestsPostgres(PostgresSite site) : AnsweringTests<PostgresSite>(site);
