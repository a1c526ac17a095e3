using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Audit;
using Smartskola.Core.Site;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Enrolment;

/// <summary>Loggutdrag: the patient sees which care unit looked at their data and when, never who by name.</summary>
public abstract class LogExtractTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task A_clinicians_look_at_the_patient_is_listed_with_unit_and_time_newest_first()
    {
        var (email, userId, patient, _) = await site.EnrolNewPatientAsync(Smartskola.Enrolment.Data.UnlockPolicyKind.AllAtStart);
        using var client = await ContentForms.SignedInAsync(site, email);
        var empty = await client.GetPageAsync("/program/loggutdrag");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal("Ingen vårdenhet har tittat på dina uppgifter ännu.", empty.Text("[data-testid=log-extract-empty]"));

        var clinician = await site.UserIdAsync(DemoUsers.ClinicianNorth);
        var north = await site.UnitIdAsync(DemoUsers.UnitNorth);
        var east = await site.UnitIdAsync(DemoUsers.UnitEast);
        // The clinician's patient page writes this when it opens (written by hand until that page exists).
        await WriteAsync(new AuditEvent("patient.view", "Patient", patient.Id.ToString())
            { SubjectPatientId = patient.Id, UnitId = north, ActorUserId = clinician, ActorName = "Behandlare Norra" });
        site.Clock.Advance(TimeSpan.FromMinutes(3));
        var viewed = site.Clock.GetUtcNow().UtcDateTime;
        await WriteAsync(new AuditEvent("patient.timeline", "Patient", patient.Id.ToString())
            { SubjectPatientId = patient.Id, UnitId = north, ActorUserId = clinician, ActorName = "Behandlare Norra" });
        // Not listed: a refused attempt (nothing was shown), the patient's own action, another patient's data.
        await WriteAsync(new AuditEvent("patient.view", "Patient") { SubjectPatientId = patient.Id, UnitId = east, Outcome = AuditOutcome.Denied });
        await WriteAsync(new AuditEvent("patient.view", "Patient") { SubjectPatientId = patient.Id, ActorUserId = userId });
        await WriteAsync(new AuditEvent("patient.view", "Patient") { SubjectPatientId = Guid.NewGuid(), UnitId = east, ActorUserId = clinician });

        var page = await client.GetPageAsync("/program/loggutdrag");
        var rows = page.Document.QuerySelectorAll("[data-testid=log-extract] tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => Page.Collapse(td.TextContent)).ToArray()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Primärvårdsrehabiliteringen norra", "Tittade på din tidslinje"], rows[0][1..]);
        Assert.Equal(["Primärvårdsrehabiliteringen norra", "Tittade på din översikt"], rows[1][1..]);
        Assert.EndsWith($"kl. {SwedishTime.Format(viewed, "HH:mm")}", rows[0][0]);
        Assert.DoesNotContain("Behandlare", page.MainText);
        Assert.Equal("page", page.Document.QuerySelector("nav a[href='/program/loggutdrag']")!.GetAttribute("aria-current"));
    }

    private Task WriteAsync(AuditEvent auditEvent) => site.WithScopeAsync(async sp =>
    {
        await sp.GetRequiredService<IAuditLog>().WriteAsync(auditEvent);
        return 0;
    });
}

public sealed class LogExtractTestsSqlite(SqliteSite site) : LogExtractTests<SqliteSite>(site);

public sealed class LogExtractTestsPostgres(PostgresSite site) : LogExtractTests<PostgresSite>(site);
