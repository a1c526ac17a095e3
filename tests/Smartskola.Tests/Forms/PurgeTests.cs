using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Patients;
using Smartskola.Enrolment.Data;
using Smartskola.Forms.Data;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Forms;

/// <summary>Gallring removes a patient's answers, feedback and assignments, and nobody else's.</summary>
public abstract class PurgeTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task Purging_a_patient_deletes_their_answers_feedback_and_assignments_only()
    {
        var template = await site.PublishTemplateAsync(DemoUsers.UnitNorth, "Gallras");
        var (purged, _) = await site.EnrolPatientAsync(DemoUsers.UnitNorth, "Gallra Mig", Guid.NewGuid());
        var (kept, _) = await site.EnrolPatientAsync(DemoUsers.UnitNorth, "Behåll Mig", Guid.NewGuid());
        var purgedAnswer = await site.SubmitAsync(await AssignAsync(template, purged), new() { ["f1"] = "1", ["f2"] = "2" });
        var keptAnswer = await site.SubmitAsync(await AssignAsync(template, kept), new() { ["f1"] = "0", ["f2"] = "1" });
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FormsDbContext>();
            foreach (var response in new[] { purgedAnswer, keptAnswer })
            {
                db.Feedback.Add(new ResponseFeedback
                {
                    Id = Guid.NewGuid(), ResponseId = response, AuthorId = Guid.NewGuid(), AuthorName = "Behandlare", Text = "Bra skrivet.",
                    CreatedUtc = DateTime.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });

        var patientId = await site.WithScopeAsync(sp => sp.GetRequiredService<EnrolmentDbContext>().Enrolments
            .Where(e => e.Id == purged).Select(e => e.PatientId).SingleAsync());
        await site.WithScopeAsync(async sp =>
        {
            foreach (var purger in sp.GetServices<IPatientDataPurger>())
            {
                await purger.PurgeAsync(patientId, null, CancellationToken.None);
            }

            return 0;
        });

        var left = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FormsDbContext>();
            return (Responses: await db.Responses.Where(r => r.EnrolmentId == purged || r.EnrolmentId == kept).Select(r => r.EnrolmentId).ToListAsync(),
                Assignments: await db.Assignments.Where(a => a.EnrolmentId == purged || a.EnrolmentId == kept).Select(a => a.EnrolmentId).ToListAsync(),
                Feedback: await db.Feedback.Where(f => f.ResponseId == purgedAnswer || f.ResponseId == keptAnswer).Select(f => f.ResponseId).ToListAsync());
        });
        Assert.Equal([kept], left.Responses);
        Assert.Equal([kept], left.Assignments);
        Assert.Equal([keptAnswer], left.Feedback);
    }

    private Task<Guid> AssignAsync(string template, Guid enrolment) => site.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<FormsDbContext>();
        var unit = await sp.GetRequiredService<EnrolmentDbContext>().Enrolments.Where(e => e.Id == enrolment).Select(e => e.CareUnitId).SingleAsync();
        var version = (await db.Versions.Where(v => v.TemplateId == template).MaxAsync(v => v.Version));
        var assignment = new FormAssignment
        {
            Id = Guid.NewGuid(), EnrolmentId = enrolment, UnitId = unit, TemplateId = template, TemplateVersion = version,
            AvailableOn = DateOnly.FromDateTime(DateTime.UtcNow), CreatedUtc = DateTime.UtcNow,
        };
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync();
        return assignment.Id;
    });
}

public sealed class SqlitePurgeTests(SqliteSite site) : PurgeTests<SqliteSite>(site);

public sealed class PostgresPurgeTests(PostgresSite site) : PurgeTests<PostgresSite>(site);
