using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Audit;
using Smartskola.Enrolment.Data;
using Smartskola.Messaging.Data;
using Smartskola.Tests.Forms;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Messaging;

/// <summary>
/// The conversation between a patient and the care team through the pages: writing, reading (read state on both sides,
/// unread counts, the triage list), correcting until read, references, and who may see what.
/// </summary>
public abstract class MessagingTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : MessagingSite
{
    public const string PatientThread = "/program/meddelanden";
    public const string WriteForm = "form[data-testid=write-form]";
    public const string ReplyForm = "form[data-testid=reply-form]";

    private static string StaffThread(Guid enrolmentId) => $"/admin/patienter/{enrolmentId}/meddelanden";

    [Fact]
    public async Task A_patient_message_is_unread_in_the_triage_list_until_a_clinician_opens_it_and_the_answer_is_unread_for_the_patient_until_read()
    {
        var (clinicianEmail, clinicianId) = await site.ClinicianAsync();
        var p = await site.PatientAsync(clinicianId);
        using var patient = await SignedInAsync(site, p.Email);
        using var clinician = await SignedInAsync(site, clinicianEmail);

        var sent = await patient.SubmitAsync(PatientThread, new Dictionary<string, string> { ["Body"] = "  Hej!\nJag undrar <b>en sak</b>.  " }, WriteForm);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var own = await patient.GetPageAsync(PatientThread);
        Assert.Equal("Ditt meddelande är skickat.", own.Text("[data-testid=status]"));
        var body = own.Document.QuerySelector("[data-testid=message] [data-testid=body]")!;
        Assert.Equal("Hej!\nJag undrar <b>en sak</b>.", body.TextContent); // trimmed, line break kept, encoded (no element)
        Assert.Null(body.QuerySelector("b"));
        Assert.Equal("Du", own.Text("[data-testid=message] [data-testid=author]"));

        // The triage list and the patient page show one unread message.
        var list = await clinician.GetPageAsync("/admin/patienter");
        var row = list.Document.QuerySelector($"[data-testid=triage-row][data-enrolment='{p.EnrolmentId}']");
        Assert.NotNull(row);
        Assert.Contains("1 olästa meddelanden", Page.Collapse(row.TextContent));
        var details = await clinician.GetPageAsync($"/admin/patienter/{p.EnrolmentId}");
        var link = details.Document.QuerySelector($"[data-testid=enrolment-links] a[href='{StaffThread(p.EnrolmentId)}']");
        Assert.Equal("1 olästa", link!.ParentElement!.QuerySelector(".badge")!.TextContent);

        // Opening the thread is audit-logged, shows the message as unread this once and marks it read.
        var before = (await site.EntriesAsync("patient.messages.view", p.EnrolmentId.ToString())).Count;
        var thread = await clinician.GetPageAsync(StaffThread(p.EnrolmentId));
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.Equal(p.Name, thread.Text("[data-testid=message] [data-testid=author]"));
        Assert.Equal("Oläst", thread.Text("[data-testid=message] [data-testid=new]"));
        var audits = await site.EntriesAsync("patient.messages.view", p.EnrolmentId.ToString());
        Assert.Equal(before + 1, audits.Count);
        Assert.Equal(p.PatientId, audits[^1].SubjectPatientId);
        Assert.Equal(nameof(AuditOutcome.Success), audits[^1].Outcome);
        list = await clinician.GetPageAsync("/admin/patienter");
        Assert.DoesNotContain("olästa meddelanden", list.Text($"[data-testid=triage-row][data-enrolment='{p.EnrolmentId}']"));
        Assert.Empty((await clinician.GetPageAsync(StaffThread(p.EnrolmentId))).Document.QuerySelectorAll("[data-testid=new]"));

        // The clinician answers; the patient's menu shows one unread until the page is opened.
        var reply = await clinician.SubmitAsync(StaffThread(p.EnrolmentId), new Dictionary<string, string> { ["Body"] = "Hej Maja,\nbra fråga." }, ReplyForm);
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var answered = await clinician.GetPageAsync(StaffThread(p.EnrolmentId));
        Assert.Equal("Inte läst ännu", answered.Document.QuerySelectorAll("[data-testid=read-state]").Last().TextContent.Trim().Split(" ·")[0]);
        var home = await patient.GetPageAsync("/program");
        Assert.Equal("1 olästa", home.Text("[data-testid=nav-badge]"));
        var read = await patient.GetPageAsync(PatientThread);
        var last = read.Document.QuerySelectorAll("[data-testid=message]").Last();
        Assert.Equal("Test Clinician", last.QuerySelector("[data-testid=author]")!.TextContent);
        Assert.Equal("Hej Maja,\nbra fråga.", last.QuerySelector("[data-testid=body]")!.TextContent);
        Assert.NotNull(last.QuerySelector("[data-testid=new]"));
        Assert.Null(read.Document.QuerySelector("[data-testid=nav-badge]")); // read now: the menu's count is gone
        var seen = await clinician.GetPageAsync(StaffThread(p.EnrolmentId));
        Assert.StartsWith("Läst ", seen.Document.QuerySelectorAll("[data-testid=read-state]").Last().TextContent.Trim());
    }

    [Fact]
    public async Task A_patient_message_is_mailed_to_the_responsible_clinician_or_to_the_units_clinicians_once_they_have_left_the_unit()
    {
        var (responsibleEmail, responsibleId) = await site.ClinicianAsync();
        var (colleagueEmail, _) = await site.ClinicianAsync();
        var p = await site.PatientAsync(responsibleId);
        using var patient = await SignedInAsync(site, p.Email);
        async Task<(int Responsible, int Colleague)> StaffMailsAsync() =>
            ((await site.MailsToAsync(responsibleEmail)).Count, (await site.MailsToAsync(colleagueEmail)).Count);

        await patient.SubmitAsync(PatientThread, new Dictionary<string, string> { ["Body"] = "Första frågan." }, WriteForm);
        Assert.Equal((1, 0), await StaffMailsAsync());
        var mail = Assert.Single(await site.MailsToAsync(responsibleEmail));
        Assert.DoesNotContain("Första frågan", mail.Subject + mail.Body);
        Assert.DoesNotContain(p.Name.Split(' ')[1], mail.Subject + mail.Body);

        // The responsible clinician leaves the unit: the next message must not go unseen.
        await site.WithScopeAsync(sp => sp.GetRequiredService<Smartskola.Users.Data.UsersDbContext>().UserCareUnits
            .Where(m => m.UserId == responsibleId).ExecuteDeleteAsync());
        await patient.SubmitAsync(PatientThread, new Dictionary<string, string> { ["Body"] = "Andra frågan." }, WriteForm);
        Assert.Equal((1, 1), await StaffMailsAsync());
    }

    [Fact]
    public async Task Using_the_messages_counts_as_activity_so_the_patient_is_no_longer_listed_as_inactive()
    {
        var (clinicianEmail, clinicianId) = await site.ClinicianAsync();
        var p = await site.PatientAsync(clinicianId);
        var longAgo = site.Clock.GetUtcNow().UtcDateTime.AddDays(-40);
        await site.WithScopeAsync(sp => sp.GetRequiredService<EnrolmentDbContext>().Enrolments.Where(e => e.Id == p.EnrolmentId)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.LastActiveUtc, longAgo)));
        using var clinician = await SignedInAsync(site, clinicianEmail);
        string TriageRow(Page list) => list.Text($"[data-testid=triage-row][data-enrolment='{p.EnrolmentId}']");
        Assert.Contains("Inaktiv 40 dagar", TriageRow(await clinician.GetPageAsync("/admin/patienter")));

        using var patient = await SignedInAsync(site, p.Email);
        await patient.SubmitAsync(PatientThread, new Dictionary<string, string> { ["Body"] = "Jag har varit borta en tid." }, WriteForm);

        var lastActive = await site.WithScopeAsync(sp => sp.GetRequiredService<EnrolmentDbContext>().Enrolments
            .Where(e => e.Id == p.EnrolmentId).Select(e => e.LastActiveUtc).SingleAsync());
        var now = site.Clock.GetUtcNow().UtcDateTime;
        Assert.InRange(lastActive!.Value, now.AddSeconds(-1), now.AddSeconds(1));
        Assert.DoesNotContain("Inaktiv", TriageRow(await clinician.GetPageAsync("/admin/patienter")));
    }

    [Theory]
    [InlineData("", "Skriv ett meddelande.")]
    [InlineData("   \n  ", "Skriv ett meddelande.")]
    [InlineData(null, "Meddelandet får vara högst 5000 tecken (nu 5001).")]
    public async Task An_empty_or_too_long_message_is_refused_with_422_and_nothing_is_written(string? text, string error)
    {
        var (_, clinicianId) = await site.ClinicianAsync();
        var p = await site.PatientAsync(clinicianId);
        using var patient = await SignedInAsync(site, p.Email);

        var response = await patient.SubmitAsync(PatientThread, new Dictionary<string, string> { ["Body"] = text ?? new string('a', 5001) }, WriteForm);
        var page = await patient.ToPageAsync(response);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Equal(error, page.Text("[data-testid=errors]"));
        var field = page.Document.QuerySelector("textarea#Body")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains(page.Document.QuerySelector("[data-testid=errors]")!.Id!, field.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Empty(await site.MessagesAsync(p.EnrolmentId));

        var exactly = await patient.SubmitAsync(PatientThread, new Dictionary<string, string> { ["Body"] = new string('b', 5000) }, WriteForm);
        Assert.Equal(HttpStatusCode.Redirect, exactly.StatusCode);
        Assert.Equal(5000, Assert.Single(await site.MessagesAsync(p.EnrolmentId)).Body.Length);
    }

    [Fact]
    public async Task A_message_can_be_corrected_until_it_is_read_and_a_stale_or_read_edit_is_409()
    {
        var (clinicianEmail, clinicianId) = await site.ClinicianAsync();
        var p = await site.PatientAsync(clinicianId);
        using var patient = await SignedInAsync(site, p.Email);
        await patient.SubmitAsync(PatientThread, new Dictionary<string, string> { ["Body"] = "Jag har ont i ryggen" }, WriteForm);
        var message = Assert.Single(await site.MessagesAsync(p.EnrolmentId));
        var editUrl = $"{PatientThread}?andra={message.Id}";

        var edited = await patient.SubmitAsync(editUrl, new Dictionary<string, string> { ["Body"] = "Jag har ont i nacken" }, "form[data-testid=edit-form]");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var page = await patient.GetPageAsync(PatientThread);
        Assert.Equal("Jag har ont i nacken", page.Text("[data-testid=body]"));
        Assert.Contains("(ändrat)", page.Text("[data-testid=message]"));

        // The form still holds the first version: saving it again is a conflict, not an overwrite.
        var stale = await patient.ToPageAsync(await patient.SubmitAsync(editUrl, new Dictionary<string, string>
            { ["Body"] = "Tredje", ["Version"] = message.Version.ToString() }, "form[data-testid=edit-form]"));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal("Meddelandet har ändrats under tiden. Läs in sidan igen.", stale.Text("[data-testid=errors]"));

        // Once the clinician has read it, it is fixed: no "Ändra", and an edit is refused.
        var editForm = await patient.GetPageAsync(editUrl);
        using (var clinician = await SignedInAsync(site, clinicianEmail))
        {
            await clinician.GetPageAsync(StaffThread(p.EnrolmentId));
        }

        var token = editForm.Token;
        var version = editForm.Document.QuerySelector("form[data-testid=edit-form] input[name=Version]")!.GetAttribute("value")!;
        var late = await patient.ToPageAsync(await patient.Http.PostAsync($"{PatientThread}?handler=Edit&messageId={message.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Body"] = "För sent", ["Version"] = version })));
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Equal("Meddelandet har redan lästs och kan inte ändras.", late.Text("[data-testid=errors]"));
        Assert.Null((await patient.GetPageAsync(PatientThread)).Document.QuerySelector("[data-testid=edit]"));
        Assert.Equal("Jag har ont i nacken", Assert.Single(await site.MessagesAsync(p.EnrolmentId)).Body);
    }

    [Fact]
    public async Task A_clinician_corrects_an_own_reply_until_the_patient_has_read_it_but_never_a_colleagues()
    {
        var (clinicianEmail, clinicianId) = await site.ClinicianAsync();
        var (colleagueEmail, _) = await site.ClinicianAsync();
        var p = await site.PatientAsync(clinicianId);
        using var clinician = await SignedInAsync(site, clinicianEmail);
        await clinician.SubmitAsync(StaffThread(p.EnrolmentId), new Dictionary<string, string> { ["Body"] = "Välkommen, Maja" }, ReplyForm);
        var reply = Assert.Single(await site.MessagesAsync(p.EnrolmentId));
        var editUrl = $"{StaffThread(p.EnrolmentId)}?andra={reply.Id}";

        // A colleague sees no "Ändra" and an edit post of theirs is not found.
        using (var colleague = await SignedInAsync(site, colleagueEmail))
        {
            var page = await colleague.GetPageAsync(editUrl);
            Assert.Null(page.Document.QuerySelector("[data-testid=edit]"));
            Assert.Null(page.Document.QuerySelector("form[data-testid=edit-form]"));
            var forged = await colleague.Http.PostAsync($"{StaffThread(p.EnrolmentId)}?handler=Edit&messageId={reply.Id}", new FormUrlEncodedContent(
                new Dictionary<string, string> { ["__RequestVerificationToken"] = page.Token, ["Body"] = "Ändrat av någon annan", ["Version"] = reply.Version.ToString() }));
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }

        var edited = await clinician.SubmitAsync(editUrl, new Dictionary<string, string> { ["Body"] = "Välkommen, Maja!" }, "form[data-testid=edit-form]");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var form = await clinician.GetPageAsync(editUrl);
        using (var patient = await SignedInAsync(site, p.Email))
        {
            Assert.Equal("Välkommen, Maja!", (await patient.GetPageAsync(PatientThread)).Text("[data-testid=body]"));
        }

        var late = await clinician.ToPageAsync(await clinician.Http.PostAsync($"{StaffThread(p.EnrolmentId)}?handler=Edit&messageId={reply.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.Token, ["Body"] = "För sent",
                ["Version"] = form.Document.QuerySelector("form[data-testid=edit-form] input[name=Version]")!.GetAttribute("value")!,
            })));
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Equal("Meddelandet har redan lästs och kan inte ändras.", late.Text("[data-testid=errors]"));
        Assert.Equal("Välkommen, Maja!", Assert.Single(await site.MessagesAsync(p.EnrolmentId)).Body);
    }

    [Fact]
    public async Task Another_patients_message_or_thread_is_404_for_a_patient_and_for_a_clinician_of_another_unit()
    {
        var (_, clinicianId) = await site.ClinicianAsync();
        var owner = await site.PatientAsync(clinicianId);
        var other = await site.PatientAsync(clinicianId);
        using var ownerClient = await SignedInAsync(site, owner.Email);
        await ownerClient.SubmitAsync(PatientThread, new Dictionary<string, string> { ["Body"] = "Mitt eget meddelande" }, WriteForm);
        var message = Assert.Single(await site.MessagesAsync(owner.EnrolmentId));

        // The other patient changes the id in an edit post: not found, and nothing changes.
        using var otherClient = await SignedInAsync(site, other.Email);
        await otherClient.SubmitAsync(PatientThread, new Dictionary<string, string> { ["Body"] = "Mitt" }, WriteForm);
        var token = (await otherClient.GetPageAsync(PatientThread)).Token;
        var forged = await otherClient.Http.PostAsync($"{PatientThread}?handler=Edit&messageId={message.Id}", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Body"] = "Kapat", ["Version"] = message.Version.ToString() }));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal("Mitt eget meddelande", Assert.Single(await site.MessagesAsync(owner.EnrolmentId)).Body);
        Assert.DoesNotContain("Mitt eget meddelande", (await otherClient.GetPageAsync(PatientThread)).MainText);

        // A clinician of the eastern unit: the thread and the unit mailbox thread are not there, and the attempt is logged.
        var (eastEmail, _) = await site.ClinicianAsync(DemoUsers.UnitEast);
        using var east = await SignedInAsync(site, eastEmail);
        var thread = await east.GetPageAsync(StaffThread(owner.EnrolmentId));
        Assert.Equal(HttpStatusCode.NotFound, thread.Status);
        Assert.DoesNotContain("Mitt eget meddelande", thread.MainText);
        Assert.Equal(HttpStatusCode.NotFound, (await east.GetAsync($"/admin/meddelanden/funktionsbrevlada/{owner.EnrolmentId}")).StatusCode);
        Assert.Contains(await site.EntriesAsync("patient.messages.view", owner.EnrolmentId.ToString()), e => e.Outcome == nameof(AuditOutcome.Denied));
        var eastToken = (await east.GetPageAsync("/admin/meddelanden/mallar")).Token;
        var post = await east.Http.PostAsync(StaffThread(owner.EnrolmentId), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = eastToken, ["Body"] = "Från fel enhet" }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Single(await site.MessagesAsync(owner.EnrolmentId));
    }

    [Fact]
    public async Task A_message_may_refer_to_an_open_section_but_not_to_a_locked_one()
    {
        var (clinicianEmail, clinicianId) = await site.ClinicianAsync();
        var p = await site.PatientAsync(clinicianId, openModules: 1);
        var sections = await site.SectionsAsync();
        var open = sections.First(s => s.Module == 1);
        var locked = sections.First(s => s.Module == 2);
        using var patient = await SignedInAsync(site, p.Email);

        var form = await patient.GetPageAsync(PatientThread);
        var values = form.Document.QuerySelectorAll("#About option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains($"section:{open.Id}", values);
        Assert.DoesNotContain($"section:{locked.Id}", values);

        var refused = await patient.ToPageAsync(await patient.SubmitAsync(PatientThread,
            new Dictionary<string, string> { ["Body"] = "Om låst", ["About"] = $"section:{locked.Id}" }, WriteForm));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Empty(await site.MessagesAsync(p.EnrolmentId));

        await patient.SubmitAsync(PatientThread, new Dictionary<string, string> { ["Body"] = "Om öppet", ["About"] = $"section:{open.Id}" }, WriteForm);
        var page = await patient.GetPageAsync(PatientThread);
        Assert.Equal($"Om: {open.Title}", page.Text("[data-testid=about]"));
        var link = page.Document.QuerySelector("[data-testid=about] a")!.GetAttribute("href")!;
        Assert.StartsWith("/program/modul/1/", link);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync(link)).StatusCode);
        using var clinician = await SignedInAsync(site, clinicianEmail);
        Assert.Equal($"Om: {open.Title}", (await clinician.GetPageAsync(StaffThread(p.EnrolmentId))).Text("[data-testid=about]"));
    }

    [Fact]
    public async Task After_the_end_the_conversation_is_read_only_and_after_gallring_it_is_gone()
    {
        var (clinicianEmail, clinicianId) = await site.ClinicianAsync();
        var p = await site.PatientAsync(clinicianId);
        using var patient = await SignedInAsync(site, p.Email);
        await patient.SubmitAsync(PatientThread, new Dictionary<string, string> { ["Body"] = "Innan slutet" }, WriteForm);
        var token = (await patient.GetPageAsync(PatientThread)).Token;
        using var clinician = await SignedInAsync(site, clinicianEmail);
        var staffToken = (await clinician.GetPageAsync(StaffThread(p.EnrolmentId))).Token;
        await clinician.SubmitAsync(StaffThread(p.EnrolmentId), new Dictionary<string, string> { ["Body"] = "Svar innan slutet" }, ReplyForm);
        var reply = (await site.MessagesAsync(p.EnrolmentId)).Single(m => m.Author == MessageAuthor.Staff);

        await site.SetStatusAsync(p.EnrolmentId, EnrolmentStatus.Ended);
        var page = await patient.GetPageAsync(PatientThread);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Innan slutet", page.Text("[data-testid=body]"));
        Assert.NotEmpty(page.Text("[data-testid=read-only]"));
        Assert.Null(page.Document.QuerySelector(WriteForm));
        var late = await patient.ToPageAsync(await patient.Http.PostAsync(PatientThread, new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Body"] = "Efter slutet" })));
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Null((await clinician.GetPageAsync(StaffThread(p.EnrolmentId))).Document.QuerySelector(ReplyForm));
        // The clinician cannot correct an unread reply after the end either.
        var staffLate = await clinician.ToPageAsync(await clinician.Http.PostAsync($"{StaffThread(p.EnrolmentId)}?handler=Edit&messageId={reply.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = staffToken, ["Body"] = "Ändrat efter slutet", ["Version"] = reply.Version.ToString(),
            })));
        Assert.Equal(HttpStatusCode.Conflict, staffLate.Status);
        Assert.Equal(Smartskola.Messaging.Threads.ConversationService.EndedProgram, staffLate.Text("[data-testid=errors]"));
        Assert.Equal(["Innan slutet", "Svar innan slutet"], (await site.MessagesAsync(p.EnrolmentId)).Select(m => m.Body));

        await site.SetStatusAsync(p.EnrolmentId, EnrolmentStatus.Purged);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync(PatientThread)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync(StaffThread(p.EnrolmentId))).StatusCode);
    }

    [Fact]
    public async Task Two_first_messages_at_once_end_up_in_one_conversation()
    {
        var (_, clinicianId) = await site.ClinicianAsync();
        var p = await site.PatientAsync(clinicianId);
        var enrolment = await site.WithScopeAsync(sp => sp.GetRequiredService<EnrolmentDbContext>().Enrolments.FindAsync(p.EnrolmentId).AsTask());
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => site.WithScopeAsync(sp =>
            sp.GetRequiredService<Smartskola.Messaging.Threads.ConversationService>().PostAsync(enrolment!, ConversationKind.CareTeam,
                MessageAuthor.Patient, p.UserId, string.Empty, $"Meddelande {i}", null, CancellationToken.None))));

        var messages = await site.MessagesAsync(p.EnrolmentId);
        Assert.Equal(4, messages.Count);
        Assert.Single(messages.Select(m => m.ConversationId).Distinct());
    }
}

public sealed class SqliteMessagingTests(SqliteMessagingSite site) : MessagingTests<SqliteMessagingSite>(site);

public sealed class PostgresMessagingTests(PostgresMessagingSite site) : MessagingTests<PostgresMessagingSite>(site);
