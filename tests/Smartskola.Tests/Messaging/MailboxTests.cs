using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Patients;
using Smartskola.Enrolment.Workspace;
using Smartskola.Messaging.Data;
using Smartskola.Tests.Infrastructure;
using static Smartskola.Tests.Infrastructure.ContentForms;

namespace Smartskola.Tests.Messaging;

/// <summary>The unit mailbox (funktionsbrevlåda) per unit, the triage signal's scope, and gallring of conversations.</summary>
public abstract class MailboxTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : MessagingSite
{
    private const string PatientMailbox = "/program/meddelanden/praktiska-fragor";
    private const string StaffMailbox = "/admin/meddelanden/funktionsbrevlada";

    [Fact]
    public async Task A_practical_question_reaches_every_clinician_of_the_unit_and_no_other_unit_and_is_not_a_triage_signal()
    {
        var (_, responsibleId) = await site.ClinicianAsync();
        var (colleagueEmail, _) = await site.ClinicianAsync();
        var (eastEmail, _) = await site.ClinicianAsync(DemoUsers.UnitEast);
        var p = await site.PatientAsync(responsibleId);
        using var patient = await SignedInAsync(site, p.Email);
        var sent = await patient.SubmitAsync(PatientMailbox, new Dictionary<string, string> { ["Body"] = "Jag kan inte logga in på datorn" },
            MessagingTests<TSite>.WriteForm);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Empty(await site.MessagesAsync(p.EnrolmentId)); // not in the care-team conversation
        Assert.Single(await site.MessagesAsync(p.EnrolmentId, ConversationKind.UnitMailbox));

        // Any clinician of the unit sees it, unread; the eastern unit does not.
        using var colleague = await SignedInAsync(site, colleagueEmail);
        var list = await colleague.GetPageAsync(StaffMailbox);
        var row = list.Document.QuerySelectorAll("[data-testid=mailbox-row]").Single(r => r.TextContent.Contains(p.Name, StringComparison.Ordinal));
        Assert.Equal("1 olästa", row.QuerySelector("[data-testid=unread]")!.TextContent);
        Assert.Contains(await site.EntriesAsync("patient.list"), e => e.EntityType == "Mailbox"); // the list names patients
        using var east = await SignedInAsync(site, eastEmail);
        Assert.DoesNotContain(p.Name, (await east.GetPageAsync(StaffMailbox)).MainText);

        // Practical questions are not the care team's unread messages in the triage list.
        var signals = await site.WithScopeAsync(async sp =>
        {
            var all = new List<IReadOnlyDictionary<Guid, TriageSignal>>();
            foreach (var source in sp.GetServices<ITriageSignals>())
            {
                all.Add(await source.ForUnitsAsync([await site.UnitIdAsync(DemoUsers.UnitNorth)], CancellationToken.None));
            }

            return all;
        });
        Assert.All(signals, s => Assert.True(!s.TryGetValue(p.EnrolmentId, out var signal) || signal.UnreadMessages == 0));

        // Opening it is logged, marks it read, and the answer shows in the patient's mailbox tab.
        var thread = await colleague.GetPageAsync($"{StaffMailbox}/{p.EnrolmentId}");
        Assert.Equal("Jag kan inte logga in på datorn", thread.Text("[data-testid=body]"));
        Assert.Contains(await site.EntriesAsync("patient.messages.view", p.EnrolmentId.ToString()), e => e.SubjectPatientId == p.PatientId);
        Assert.Equal("–", (await colleague.GetPageAsync(StaffMailbox)).Document.QuerySelectorAll("[data-testid=mailbox-row]")
            .Single(r => r.TextContent.Contains(p.Name, StringComparison.Ordinal)).QuerySelector("[data-testid=unread]")!.TextContent);
        await colleague.SubmitAsync($"{StaffMailbox}/{p.EnrolmentId}", new Dictionary<string, string> { ["Body"] = "Prova att byta webbläsare." },
            MessagingTests<TSite>.ReplyForm);
        var care = await patient.GetPageAsync(MessagingTests<TSite>.PatientThread);
        Assert.Equal("1 olästa", care.Text("[data-testid=tab-mailbox] .nav-badge"));
        var answer = await patient.GetPageAsync(PatientMailbox);
        Assert.Equal("Prova att byta webbläsare.", answer.Document.QuerySelectorAll("[data-testid=body]").Last().TextContent);
    }

    [Fact]
    public async Task Gallring_removes_the_patients_conversations_messages_and_read_markers_and_nobody_elses()
    {
        var (clinicianEmail, clinicianId) = await site.ClinicianAsync();
        var purged = await site.PatientAsync(clinicianId);
        var kept = await site.PatientAsync(clinicianId);
        foreach (var p in new[] { purged, kept })
        {
            using var patient = await SignedInAsync(site, p.Email);
            await patient.SubmitAsync(MessagingTests<TSite>.PatientThread, new Dictionary<string, string> { ["Body"] = "Hej" }, MessagingTests<TSite>.WriteForm);
            await patient.SubmitAsync(PatientMailbox, new Dictionary<string, string> { ["Body"] = "Hej" }, MessagingTests<TSite>.WriteForm);
            await patient.GetPageAsync(MessagingTests<TSite>.PatientThread); // a read marker of the patient's
        }

        using (var clinician = await SignedInAsync(site, clinicianEmail))
        {
            await clinician.GetPageAsync($"/admin/patienter/{purged.EnrolmentId}/meddelanden");
            await clinician.GetPageAsync($"/admin/patienter/{kept.EnrolmentId}/meddelanden");
        }

        await site.WithScopeAsync(async sp =>
        {
            foreach (var purger in sp.GetServices<IPatientDataPurger>().Where(p => p.GetType().Namespace!.StartsWith("Smartskola.Messaging", StringComparison.Ordinal)))
            {
                await purger.PurgeAsync(purged.PatientId, purged.UserId, CancellationToken.None);
            }

            return 0;
        });

        var left = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MessagingDbContext>();
            var conversations = await db.Conversations.Where(c => c.EnrolmentId == purged.EnrolmentId || c.EnrolmentId == kept.EnrolmentId)
                .Select(c => new { c.Id, c.EnrolmentId }).ToListAsync();
            var ids = conversations.Select(c => c.Id).ToList();
            return (Conversations: conversations.Select(c => c.EnrolmentId).Distinct().ToList(),
                Messages: await db.Messages.CountAsync(m => ids.Contains(m.ConversationId)),
                Markers: await db.ReadMarkers.Where(m => ids.Contains(m.ConversationId)).CountAsync(),
                Orphans: await db.Messages.CountAsync(m => !db.Conversations.Any(c => c.Id == m.ConversationId)) + await db.ReadMarkers
                    .CountAsync(m => !db.Conversations.Any(c => c.Id == m.ConversationId)));
        });
        Assert.Equal([kept.EnrolmentId], left.Conversations);
        Assert.Equal(2, left.Messages);
        Assert.Equal(2, left.Markers); // the patient's and the clinician's, in the care-team conversation
        Assert.Equal(0, left.Orphans);
    }
}

public sealed class SqliteMailboxTests(SqliteMessagingSite site) : MailboxTests<SqliteMessagingSite>(site);

public sealed class PostgresMailboxTests(PostgresMessagingSite site) : MailboxTests<PostgresMessagingSite>(site);
