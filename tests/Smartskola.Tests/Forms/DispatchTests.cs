using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Persistence;
using Smartskola.Core.Security;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;
using Smartskola.Forms.Data;
using Smartskola.Forms.Dispatch;
using Smartskola.Tests.Enrolment;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Forms;

/// <summary>Utskick and uppföljning: a clinician sends a form, the follow-up page shows answers, scores and reminders.</summary>
public abstract class DispatchTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : DispatchSite
{
    private const string North = DemoUsers.UnitNorth;
    private const string NewDispatch = "/admin/formular/utskick/ny";
    private const string DispatchForm = "form[data-testid=dispatch-form]";

    private async Task<(SiteClient Client, Guid UserId)> ClinicianAsync(string unit = North)
    {
        var email = await site.CreateUserAsync(Roles.Clinician, unit);
        return (await SignedInAsync(site, email), await site.UserIdAsync(email));
    }

    private static async Task<Guid> DispatchAsync(SiteClient client, Dictionary<string, string> fields)
    {
        var response = await client.SubmitAsync(NewDispatch, fields, DispatchForm);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {(await client.ToPageAsync(response)).Text("[data-testid=errors]")}");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task A_clinician_dispatches_to_one_patient_and_the_follow_up_shows_the_answer_score_and_band_and_reminds_the_missing()
    {
        var (client, me) = await ClinicianAsync();
        var template = await site.PublishTemplateAsync(North, "Smärtpåverkan kort");
        var (answering, answeringEmail) = await site.EnrolPatientAsync(North, "Anna Svarar", me);
        var (missing, missingEmail) = await site.EnrolPatientAsync(North, "Bo Saknas", me);

        var first = await DispatchAsync(client, new() { ["Input.TemplateId"] = template, ["Input.Recipients"] = "Patient",
            ["Input.EnrolmentId"] = answering.ToString(), ["Input.DueDays"] = "7" });
        var second = await DispatchAsync(client, new() { ["Input.TemplateId"] = template, ["Input.Recipients"] = "Patient",
            ["Input.EnrolmentId"] = missing.ToString(), ["Input.DueDays"] = "7" });
        var assignment = Assert.Single(await site.AssignmentsAsync(first));
        Assert.Equal(answering, assignment.EnrolmentId);
        Assert.Equal(SwedishTime.Today(site.Clock).AddDays(7), assignment.DueOn);

        // The notice says there is a form, nothing more: no name, personnummer or title.
        var notice = Assert.Single(await site.MailsToAsync(answeringEmail));
        Assert.Contains("/program", notice.Body);
        Assert.DoesNotContain("Anna", notice.Body + notice.Subject);
        Assert.DoesNotContain("Smärtpåverkan", notice.Body + notice.Subject);
        Assert.DoesNotContain("19700101", notice.Body + notice.Subject);

        await site.SubmitAsync(assignment.Id, new() { ["f1"] = "2", ["f2"] = "3" });
        var followUp = await client.GetPageAsync($"/admin/formular/utskick/{first}");
        Assert.Equal(HttpStatusCode.OK, followUp.Status);
        var row = Page.Collapse(followUp.Document.QuerySelector("[data-testid=followup-row]")!.TextContent);
        Assert.Contains("Anna Svarar", row);
        Assert.Contains("Besvarat", row);
        Assert.Contains("Smärtpåverkan: 5 (Hög)", row);
        Assert.NotNull(followUp.Document.QuerySelector("[data-testid=open-answer]"));
        Assert.NotEmpty(await site.EntriesAsync("forms.followup.view", first.ToString()));

        // The list shows answered of total.
        var list = await client.GetPageAsync("/admin/formular/utskick");
        var listRow = list.Document.QuerySelectorAll("[data-testid=dispatch-row]")
            .Single(r => r.QuerySelector("a")!.GetAttribute("href") == $"/admin/formular/utskick/{first}");
        Assert.Equal("1 av 1", Page.Collapse(listRow.QuerySelector("[data-testid=answered]")!.TextContent));

        // Reminding the answered one is refused, nothing sent.
        var refused = await client.SubmitAsync($"/admin/formular/utskick/{first}", new Dictionary<string, string> { ["Chosen"] = assignment.Id.ToString() },
            "form[data-testid=remind-form]");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Single(await site.MailsToAsync(answeringEmail));

        var missingAssignment = Assert.Single(await site.AssignmentsAsync(second));
        var reminded = await client.SubmitAsync($"/admin/formular/utskick/{second}", new Dictionary<string, string> { ["Chosen"] = missingAssignment.Id.ToString() },
            "form[data-testid=remind-form]");
        Assert.Equal(HttpStatusCode.Redirect, reminded.StatusCode);
        Assert.Equal("En påminnelse är skickad.", (await client.GetPageAsync($"/admin/formular/utskick/{second}")).Text("[data-testid=status]"));
        var mails = await site.MailsToAsync(missingEmail);
        Assert.Equal(2, mails.Count);
        Assert.Contains("Påminnelse", mails[1].Subject);
        Assert.DoesNotContain("Saknas", mails[1].Body + mails[1].Subject);
        Assert.Equal(1, Assert.Single(await site.AssignmentsAsync(second)).Reminders);
        var page = await client.GetPageAsync($"/admin/formular/utskick/{second}");
        Assert.Contains("Inte besvarat", page.Text("[data-testid=followup-row]"));
    }

    [Fact]
    public async Task Reminding_by_hand_tells_the_clinician_whom_it_did_not_reach_and_why()
    {
        var (client, me) = await ClinicianAsync();
        var template = await site.PublishTemplateAsync(North, "Smärtpåverkan kort");
        var (silent, silentEmail) = await site.EnrolPatientAsync(North, "Siv Tyst", me);
        var (resting, _) = await site.EnrolPatientAsync(North, "Rut Vilar", me);
        await site.WithScopeAsync(async sp =>
        {
            var patientId = await sp.GetRequiredService<EnrolmentDbContext>().Enrolments.Where(e => e.Id == silent).Select(e => e.PatientId).SingleAsync();
            return await sp.GetRequiredService<Smartskola.Notifications.Data.NotificationsDbContext>().PatientSettings
                .Where(p => p.PatientId == patientId).ExecuteUpdateAsync(u => u.SetProperty(p => p.EmailEnabled, false));
        });
        var toSilent = await DispatchAsync(client, new() { ["Input.TemplateId"] = template, ["Input.Recipients"] = "Patient",
            ["Input.EnrolmentId"] = silent.ToString() });
        var toResting = await DispatchAsync(client, new() { ["Input.TemplateId"] = template, ["Input.Recipients"] = "Patient",
            ["Input.EnrolmentId"] = resting.ToString() });
        await site.WithScopeAsync(sp => sp.GetRequiredService<EnrolmentDbContext>().Enrolments.Where(e => e.Id == resting)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EnrolmentStatus.Maintenance)));

        async Task<string> RemindAsync(Guid dispatch)
        {
            var chosen = Assert.Single(await site.AssignmentsAsync(dispatch)).Id.ToString();
            var response = await client.SubmitAsync($"/admin/formular/utskick/{dispatch}", new Dictionary<string, string> { ["Chosen"] = chosen },
                "form[data-testid=remind-form]");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return (await client.GetPageAsync($"/admin/formular/utskick/{dispatch}")).Text("[data-testid=status]");
        }

        Assert.Equal("Ingen påminnelse skickades. En patient har inte valt att få aviseringar med e-post eller sms; påminn i ett meddelande i stället.",
            await RemindAsync(toSilent));
        Assert.Equal("Ingen påminnelse skickades. En patient är i vidmakthållandeläge eller avslutad och får inga påminnelser.",
            await RemindAsync(toResting));
        Assert.Equal(0, Assert.Single(await site.AssignmentsAsync(toSilent)).Reminders);
        Assert.Equal(0, Assert.Single(await site.AssignmentsAsync(toResting)).Reminders);
        Assert.Empty(await site.MailsToAsync(silentEmail));
    }

    [Fact]
    public async Task A_series_creates_one_assignment_per_occasion_and_all_active_respects_the_filters()
    {
        var (client, me) = await ClinicianAsync();
        var template = await site.PublishTemplateAsync(North, "Sömndagbok");
        var (active, _) = await site.EnrolPatientAsync(North, "Cia Aktiv", me);
        var (maintenance, _) = await site.EnrolPatientAsync(North, "Dan Vidmakt", me, EnrolmentStatus.Maintenance);
        await site.EnrolPatientAsync(North, "Eva Annans", Guid.NewGuid());

        var series = await DispatchAsync(client, new() { ["Input.TemplateId"] = template, ["Input.Recipients"] = "AllActive",
            ["Input.OnlyMine"] = "true", ["Input.Occasions"] = "3", ["Input.IntervalDays"] = "2", ["Input.DueDays"] = "1" });
        var assignments = await site.AssignmentsAsync(series);
        var today = SwedishTime.Today(site.Clock);
        Assert.Equal(3, assignments.Count);
        Assert.All(assignments, a => Assert.Equal(active, a.EnrolmentId));
        Assert.Equal([today, today.AddDays(2), today.AddDays(4)], assignments.Select(a => a.AvailableOn).ToList());
        Assert.Equal([today.AddDays(1), today.AddDays(3), today.AddDays(5)], assignments.Select(a => a.DueOn!.Value).ToList());

        var withMaintenance = await DispatchAsync(client, new() { ["Input.TemplateId"] = template, ["Input.Recipients"] = "AllActive",
            ["Input.OnlyMine"] = "true", ["Input.IncludeMaintenance"] = "true" });
        Assert.Equal(new[] { active, maintenance }.Order(), (await site.AssignmentsAsync(withMaintenance)).Select(a => a.EnrolmentId).Order());
    }

    [Fact]
    public async Task A_saved_list_receives_the_form_and_a_retired_template_is_refused_with_nothing_written()
    {
        var (client, me) = await ClinicianAsync();
        var template = await site.PublishTemplateAsync(North, "Listformulär");
        var (a, _) = await site.EnrolPatientAsync(North, "Fia Lista", me);
        var (b, _) = await site.EnrolPatientAsync(North, "Gun Lista", me);
        var name = $"Sömnskolan {Guid.NewGuid():N}"[..20];
        var created = await client.SubmitAsync("/admin/formular/mottagarlistor", new Dictionary<string, string> { ["Name"] = name, ["Members"] = a.ToString() },
            "form[data-testid=list-form]");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var listId = await site.WithScopeAsync(sp => sp.GetRequiredService<FormsDbContext>().RecipientLists.Where(l => l.Name == name).Select(l => l.Id).SingleAsync());
        var dispatch = await DispatchAsync(client, new() { ["Input.TemplateId"] = template, ["Input.Recipients"] = "List", ["Input.ListId"] = listId.ToString() });
        Assert.Equal([a], (await site.AssignmentsAsync(dispatch)).Select(x => x.EnrolmentId).ToList());

        var retired = await site.PublishTemplateAsync(North, "Avvecklat", retired: true);
        var before = await site.WithScopeAsync(sp => sp.GetRequiredService<FormsDbContext>().Dispatches.CountAsync());
        var response = await client.SubmitAsync(NewDispatch, new Dictionary<string, string> { ["Input.TemplateId"] = retired, ["Input.Recipients"] = "Patient",
            ["Input.EnrolmentId"] = b.ToString() }, DispatchForm);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("avvecklad", (await client.ToPageAsync(response)).Text("[data-testid=errors]"));
        Assert.Equal(before, await site.WithScopeAsync(sp => sp.GetRequiredService<FormsDbContext>().Dispatches.CountAsync()));
    }

    [Fact]
    public async Task The_reminder_job_reminds_after_the_due_date_once_and_the_triage_list_shows_the_overdue_form()
    {
        var (client, me) = await ClinicianAsync();
        var template = await site.PublishTemplateAsync(North, "Påminnelseformulär");
        var (enrolment, email) = await site.EnrolPatientAsync(North, "Hans Sen", me);
        var dispatch = await DispatchAsync(client, new() { ["Input.TemplateId"] = template, ["Input.Recipients"] = "Patient",
            ["Input.EnrolmentId"] = enrolment.ToString(), ["Input.DueDays"] = "2", ["Input.RemindDaysAfter"] = "1" });
        Assert.Single(await site.MailsToAsync(email));

        site.Clock.Advance(TimeSpan.FromDays(3));
        try
        {
            await site.WithScopeAsync(sp => sp.GetRequiredService<FormReminderJob>().RunAsync(CancellationToken.None));
            await site.WithScopeAsync(sp => sp.GetRequiredService<FormReminderJob>().RunAsync(CancellationToken.None));
            var mails = await site.MailsToAsync(email);
            Assert.Equal(2, mails.Count);
            Assert.Contains("Påminnelse", mails[1].Subject);
            Assert.Equal(1, Assert.Single(await site.AssignmentsAsync(dispatch)).Reminders);

            // A fresh sign-in: three days later the first session may have timed out.
            using var fresh = await SignedInAsync(site, await site.WithScopeAsync(async sp =>
                (await sp.GetRequiredService<Smartskola.Core.Accounts.IStaffDirectory>().FindAsync([me]))[me].Email));
            var triage = await fresh.GetPageAsync("/admin/patienter?visa=mina");
            var row = triage.Document.QuerySelectorAll("[data-testid=triage-row]").Single(r => r.GetAttribute("data-enrolment") == enrolment.ToString());
            Assert.Contains("1 försenade formulär", Page.Collapse(row.TextContent));
            var followUp = await fresh.GetPageAsync($"/admin/formular/utskick/{dispatch}");
            Assert.Contains("Försenat", followUp.Text("[data-testid=followup-row]"));
        }
        finally
        {
            site.Clock.Advance(TimeSpan.FromDays(-3));
        }
    }

    [Fact]
    public async Task The_clinician_sees_the_answer_on_the_patient_forms_page_writes_feedback_and_another_unit_gets_404()
    {
        var (client, me) = await ClinicianAsync();
        var template = await site.PublishTemplateAsync(North, "Återkopplingsformulär");
        var (enrolment, _) = await site.EnrolPatientAsync(North, "Ida Svar", me);
        var dispatch = await DispatchAsync(client, new() { ["Input.TemplateId"] = template, ["Input.Recipients"] = "Patient",
            ["Input.EnrolmentId"] = enrolment.ToString() });
        var assignment = Assert.Single(await site.AssignmentsAsync(dispatch));
        await site.SubmitAsync(assignment.Id, new() { ["f1"] = "3", ["f2"] = "3" }, site.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        var later = await DispatchAsync(client, new() { ["Input.TemplateId"] = template, ["Input.Recipients"] = "Patient",
            ["Input.EnrolmentId"] = enrolment.ToString() });
        var response = await site.SubmitAsync(Assert.Single(await site.AssignmentsAsync(later)).Id, new() { ["f1"] = "0", ["f2"] = "1" });

        var details = await client.GetPageAsync($"/admin/patienter/{enrolment}");
        Assert.Contains("Formulär", details.Text("[data-testid=enrolment-links]"));
        var forms = await client.GetPageAsync($"/admin/patienter/{enrolment}/formular");
        Assert.Equal(HttpStatusCode.OK, forms.Status);
        Assert.Equal(2, forms.Document.QuerySelectorAll("[data-testid=form-row]").Length);
        Assert.NotNull(forms.Document.QuerySelector("svg[data-testid=score-chart] title"));
        Assert.Contains("Första 6 (Hög), senaste 1 (Låg), skillnad -5, nivå Hög → Låg", forms.Text("[data-testid=pre-post]"));

        var url = $"/admin/patienter/{enrolment}/formular/svar/{response}";
        var answer = await client.GetPageAsync(url);
        var cells = answer.Document.QuerySelector("[data-testid=score-row]")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Smärtpåverkan", "1", "Låg"], cells.Take(3));
        Assert.Contains("smartskola-scoring/1", answer.Text("[data-testid=answer-scores]"));
        var tooLong = await client.SubmitAsync(url, new Dictionary<string, string> { ["Feedback"] = new string('x', 4001) }, "form[data-testid=feedback-form]");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("högst 4000 tecken", (await client.ToPageAsync(tooLong)).Text("[data-testid=errors]"));
        var saved = await client.SubmitAsync(url, new Dictionary<string, string> { ["Feedback"] = "Bra jobbat med sömnen!" }, "form[data-testid=feedback-form]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Bra jobbat med sömnen!", (await client.GetPageAsync(url)).Text("[data-testid=feedback]"));
        Assert.NotEmpty(await site.EntriesAsync("patient.answers.view", enrolment.ToString()));

        var (east, _) = await ClinicianAsync(DemoUsers.UnitEast);
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/admin/formular/utskick/{dispatch}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/admin/patienter/{enrolment}/formular")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync(url)).StatusCode);
        Assert.DoesNotContain("Återkopplingsformulär", (await east.GetPageAsync("/admin/formular/utskick")).MainText);
    }
}

public abstract class DispatchSite(DatabaseProvider provider) : SiteFactory(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Forms:Reminders:Enabled"] = "false",
        ["Lifecycle:Enabled"] = "false",
    };
}

public sealed class SqliteDispatchSite() : DispatchSite(DatabaseProvider.Sqlite);

public sealed class PostgresDispatchSite() : DispatchSite(DatabaseProvider.Postgres);

public sealed class SqliteDispatchTests(SqliteDispatchSite site) : DispatchTests<SqliteDispatchSite>(site);

public sealed class PostgresDispatchTests(PostgresDispatchSite site) : DispatchTests<PostgresDispatchSite>(site);
