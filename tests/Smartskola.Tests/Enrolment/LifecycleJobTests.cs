using Microsoft.EntityFrameworkCore;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Lifecycle;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Enrolment;

/// <summary>
/// The daily lifecycle jobs, run by hand (the background service is off in <see cref="LifecycleSite"/>). Tests in this
/// class share one site and move its clock forward; each seeds its own enrolments and looks only at those.
/// </summary>
public abstract class LifecycleJobTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : LifecycleSite
{
    protected TSite Site => site;

    [Fact]
    public async Task A_scheduled_module_opens_on_its_day_not_before_and_a_second_run_adds_nothing()
    {
        var (_, modules) = await site.ProgramAsync();
        var enrolment = await site.EnrolAsync(Guid.NewGuid(), e =>
        {
            e.Policy = UnlockPolicyKind.Scheduled;
            e.InitialModules = 1;
            e.IntervalDays = 7;
        });

        await site.RunJobsAsync();
        var first = Assert.Single(await site.ModuleRowsAsync(enrolment.EnrolmentId));
        Assert.Equal((modules[0], true, ModuleOpenedBy.Start), (first.ModuleId, first.IsOpen, first.ChangedBy));
        Assert.NotNull(first.FirstOpenedUtc);

        site.Clock.Advance(TimeSpan.FromDays(6));
        await site.RunJobsAsync();
        Assert.Single(await site.ModuleRowsAsync(enrolment.EnrolmentId));

        site.Clock.Advance(TimeSpan.FromDays(1));
        await site.RunJobsAsync();
        await site.RunJobsAsync();
        var rows = await site.ModuleRowsAsync(enrolment.EnrolmentId);
        Assert.Equal(2, rows.Count);
        Assert.Equal(ModuleOpenedBy.Schedule, rows.Single(r => r.ModuleId == modules[1]).ChangedBy);
        var opened = await site.TimelineAsync(enrolment.EnrolmentId, ActivityKinds.ModuleOpened);
        Assert.Equal(["Modul 1", "Modul 2"], opened.OrderBy(a => a.Id).Select(a => a.Detail));
        Assert.All(opened, a => Assert.Null(a.ActorUserId));
    }

    [Fact]
    public async Task A_module_locked_by_hand_is_not_reopened()
    {
        var (_, modules) = await site.ProgramAsync();
        var enrolment = await site.EnrolAsync(Guid.NewGuid());
        await site.EnrolmentDataAsync(db =>
        {
            db.ModuleStates.Add(new EnrolmentModuleState
            {
                EnrolmentId = enrolment.EnrolmentId, ModuleId = modules[2], IsOpen = false, ChangedBy = ModuleOpenedBy.Clinician,
                ChangedByUserId = Guid.NewGuid(), ChangedUtc = site.Now(),
            });
            return db.SaveChangesAsync();
        });

        await site.RunJobsAsync();
        await site.RunJobsAsync();

        var rows = await site.ModuleRowsAsync(enrolment.EnrolmentId);
        Assert.Equal(modules.Count, rows.Count);
        var locked = rows.Single(r => r.ModuleId == modules[2]);
        Assert.Equal((false, ModuleOpenedBy.Clinician), (locked.IsOpen, locked.ChangedBy));
        Assert.All(rows.Where(r => r.ModuleId != modules[2]), r => Assert.Equal((true, ModuleOpenedBy.Start), (r.IsOpen, r.ChangedBy)));
        var opened = await site.TimelineAsync(enrolment.EnrolmentId, ActivityKinds.ModuleOpened);
        Assert.Equal(modules.Count - 1, opened.Count);
        Assert.DoesNotContain(opened, a => a.ItemId == modules[2]);
    }

    [Fact]
    public async Task An_inactive_patient_is_flagged_once_and_not_in_maintenance()
    {
        var unit = Guid.NewGuid();
        await site.SetUnitRulesAsync(unit, inactivityDays: 3, retentionDays: 365);
        var lastActive = site.Now().AddDays(-5);
        var inactive = await site.EnrolAsync(unit, e => { e.StartDate = site.Today().AddDays(-20); e.LastActiveUtc = lastActive; });
        var maintenance = await site.EnrolAsync(unit, e =>
        {
            e.StartDate = site.Today().AddDays(-20);
            e.LastActiveUtc = lastActive;
            e.Status = EnrolmentStatus.Maintenance;
        });
        var recent = await site.EnrolAsync(unit, e => { e.StartDate = site.Today().AddDays(-20); e.LastActiveUtc = site.Now().AddDays(-2); });

        await site.RunJobsAsync();
        await site.RunJobsAsync();

        var notice = Assert.Single(await site.NoticesAsync(inactive.EnrolmentId));
        Assert.Equal(NoticeKinds.Inactive, notice.Kind);
        Assert.StartsWith($"inactive:{inactive.EnrolmentId}:", notice.DedupeKey);
        Assert.Single(await site.TimelineAsync(inactive.EnrolmentId, ActivityKinds.InactivityFlagged));
        Assert.Equal(1, site.Mailer.CallsFor(notice.DedupeKey));
        Assert.Empty(await site.NoticesAsync(maintenance.EnrolmentId));
        Assert.Empty(await site.NoticesAsync(recent.EnrolmentId));
    }

    [Fact]
    public async Task An_enrolment_ending_soon_is_notified_once()
    {
        var soon = await site.EnrolAsync(Guid.NewGuid(), e => e.PlannedEndDate = site.Today().AddDays(10));
        var later = await site.EnrolAsync(Guid.NewGuid(), e => e.PlannedEndDate = site.Today().AddDays(45));

        await site.RunJobsAsync();
        await site.RunJobsAsync();

        var notice = Assert.Single(await site.NoticesAsync(soon.EnrolmentId));
        Assert.Equal(NoticeKinds.EndingSoon, notice.Kind);
        Assert.Equal($"ending:{soon.EnrolmentId}:{site.Today().AddDays(10):yyyy-MM-dd}", notice.DedupeKey);
        Assert.Single(await site.TimelineAsync(soon.EnrolmentId, ActivityKinds.EndingSoonNotified));
        Assert.Equal(1, site.Mailer.CallsFor(notice.DedupeKey));
        Assert.Empty(await site.NoticesAsync(later.EnrolmentId));
    }

    [Fact]
    public async Task The_planned_end_ends_the_enrolment_the_day_after()
    {
        var yesterday = await site.EnrolAsync(Guid.NewGuid(), e => { e.StartDate = site.Today().AddDays(-100); e.PlannedEndDate = site.Today().AddDays(-1); });
        var maintenance = await site.EnrolAsync(Guid.NewGuid(), e =>
        {
            e.StartDate = site.Today().AddDays(-100);
            e.PlannedEndDate = site.Today().AddDays(-1);
            e.Status = EnrolmentStatus.Maintenance;
        });
        var today = await site.EnrolAsync(Guid.NewGuid(), e => { e.StartDate = site.Today().AddDays(-100); e.PlannedEndDate = site.Today(); });

        await site.RunJobsAsync();
        await site.RunJobsAsync();

        foreach (var ended in new[] { yesterday, maintenance })
        {
            var row = await site.EnrolmentDataAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == ended.EnrolmentId));
            Assert.Equal(EnrolmentStatus.Ended, row.Status);
            Assert.NotNull(row.EndedUtc);
            Assert.Single(await site.TimelineAsync(ended.EnrolmentId, ActivityKinds.Ended));
        }

        var open = await site.EnrolmentDataAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == today.EnrolmentId));
        Assert.Equal(EnrolmentStatus.Active, open.Status);
    }

    [Fact]
    public async Task Purge_clears_personal_data_after_retention_and_keeps_the_audit_entry_and_the_rows()
    {
        var unit = Guid.NewGuid();
        await site.SetUnitRulesAsync(unit, inactivityDays: 7, retentionDays: 30);
        Action<ProgramEnrolment> endedDaysAgo(int days) => e =>
        {
            e.StartDate = site.Today().AddDays(-400);
            e.PlannedEndDate = site.Today().AddDays(-days - 1);
            e.Status = EnrolmentStatus.Ended;
            e.EndedUtc = site.Now().AddDays(-days);
            e.WelcomeText = "Välkommen Testa!";
        };
        var old = await site.EnrolAsync(unit, endedDaysAgo(31));
        var recent = await site.EnrolAsync(unit, endedDaysAgo(29));
        var other = await site.EnrolAsync(unit, endedDaysAgo(31));
        var stillActive = await site.EnrolAsync(unit, patientId: other.PatientId);
        var userId = await site.EnrolmentDataAsync(async db =>
        {
            db.Activities.Add(new EnrolmentActivity { EnrolmentId = old.EnrolmentId, Kind = ActivityKinds.Enrolled, OccurredUtc = site.Now() });
            db.Notices.Add(new ClinicianNotice
            {
                Id = Guid.NewGuid(), EnrolmentId = old.EnrolmentId, ClinicianId = Guid.NewGuid(), Kind = NoticeKinds.Inactive,
                DedupeKey = $"test:{old.EnrolmentId}", CreatedUtc = site.Now(),
            });
            db.Invitations.Add(new Invitation
            {
                Id = Guid.NewGuid(), PatientId = old.PatientId, EnrolmentId = old.EnrolmentId, TokenHash = Guid.NewGuid().ToString("N"),
                CreatedUtc = site.Now(), ExpiresUtc = site.Now(),
            });
            await db.SaveChangesAsync();
            return (await db.Patients.SingleAsync(p => p.Id == old.PatientId)).UserId;
        });

        await site.RunJobsAsync();
        await site.RunJobsAsync();

        var enrolment = await site.EnrolmentDataAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == old.EnrolmentId));
        Assert.Equal(EnrolmentStatus.Purged, enrolment.Status);
        Assert.NotNull(enrolment.PurgedUtc);
        Assert.Null(enrolment.WelcomeText);
        var patient = await site.EnrolmentDataAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == old.PatientId));
        Assert.Equal(("", "", "", $"purged:{old.PatientId}"), (patient.GivenName, patient.FamilyName, patient.PersonnummerMasked, patient.PersonnummerHash));
        Assert.Empty(patient.PersonnummerCipher);
        Assert.Null(patient.Email);
        Assert.Null(patient.Mobile);
        Assert.NotNull(patient.PurgedUtc);
        Assert.Equal(0, await site.EnrolmentDataAsync(db => db.Activities.CountAsync(a => a.EnrolmentId == old.EnrolmentId)));
        Assert.Equal(0, await site.EnrolmentDataAsync(db => db.Notices.CountAsync(n => n.EnrolmentId == old.EnrolmentId)));
        Assert.Equal(0, await site.EnrolmentDataAsync(db => db.Invitations.CountAsync(i => i.EnrolmentId == old.EnrolmentId)));
        Assert.Single(site.Purger.Calls, c => c == (old.PatientId, userId));

        var audit = Assert.Single(await site.EntriesAsync(PurgeJob.AuditAction, old.EnrolmentId.ToString()));
        Assert.Equal(("Enrolment", PurgeJob.AuditActor, "Success"), (audit.EntityType, audit.ActorName, audit.Outcome));
        Assert.Equal(old.PatientId, audit.SubjectPatientId);
        Assert.DoesNotContain("Testa", System.Text.Json.JsonSerializer.Serialize(audit));

        // Not yet due: nothing purged.
        var notDue = await site.EnrolmentDataAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == recent.EnrolmentId));
        Assert.Equal(EnrolmentStatus.Ended, notDue.Status);
        Assert.Equal("Testa", (await site.EnrolmentDataAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == recent.PatientId))).GivenName);

        // The patient still has an active enrolment: the old one is purged, the person's data stays.
        Assert.Equal(EnrolmentStatus.Purged,
            (await site.EnrolmentDataAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == other.EnrolmentId))).Status);
        Assert.Equal("Testa", (await site.EnrolmentDataAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == other.PatientId))).GivenName);
        Assert.DoesNotContain(site.Purger.Calls, c => c.PatientId == other.PatientId);
        Assert.Equal(EnrolmentStatus.Active,
            (await site.EnrolmentDataAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == stillActive.EnrolmentId))).Status);
    }
}

public sealed class LifecycleJobTestsSqlite(LifecycleSqliteSite site) : LifecycleJobTests<LifecycleSqliteSite>(site);

public sealed class LifecycleJobTestsPostgres(LifecyclePostgresSite site) : LifecycleJobTests<LifecyclePostgresSite>(site)
{
    /// <summary>
    /// Two instances on one PostgreSQL database run the jobs at the very same moment, five times over with fresh
    /// enrolments due each time: every module, notice, end and purge happens once, with one timeline entry, mail
    /// and audit entry each.
    /// </summary>
    [Fact]
    public async Task Two_instances_running_at_once_do_everything_exactly_once()
    {
        await using var second = Site.SecondInstance();
        await ((IAsyncLifetime)second).InitializeAsync();
        var (_, modules) = await Site.ProgramAsync();
        var unit = Guid.NewGuid();
        await Site.SetUnitRulesAsync(unit, inactivityDays: 7, retentionDays: 30);

        for (var round = 0; round < 5; round++)
        {
            var due = new List<SeededEnrolment>();
            for (var i = 0; i < 4; i++)
            {
                // All modules due, inactive for 10 days, ending in 5 days: 8 modules and 2 notices each.
                due.Add(await Site.EnrolAsync(unit, e =>
                {
                    e.StartDate = Site.Today().AddDays(-20);
                    e.LastActiveUtc = Site.Now().AddDays(-10);
                    e.PlannedEndDate = Site.Today().AddDays(5);
                }));
            }

            var ending = await Site.EnrolAsync(unit, e => { e.StartDate = Site.Today().AddDays(-100); e.PlannedEndDate = Site.Today().AddDays(-1); });
            var purge = await Site.EnrolAsync(unit, e =>
            {
                e.Status = EnrolmentStatus.Ended;
                e.EndedUtc = Site.Now().AddDays(-40);
                e.PlannedEndDate = Site.Today().AddDays(-41);
            });

            await Task.WhenAll(Task.Run(Site.RunJobsAsync), Task.Run(second.RunJobsAsync));

            foreach (var enrolment in due)
            {
                var rows = await Site.ModuleRowsAsync(enrolment.EnrolmentId);
                Assert.Equal(modules.Order(), rows.Select(r => r.ModuleId).Order());
                var opened = await Site.TimelineAsync(enrolment.EnrolmentId, ActivityKinds.ModuleOpened);
                Assert.Equal(modules.Order(), opened.Select(a => a.ItemId!).Order());
                var notices = await Site.NoticesAsync(enrolment.EnrolmentId);
                Assert.Equal([NoticeKinds.EndingSoon, NoticeKinds.Inactive], notices.Select(n => n.Kind).Order());
                Assert.All(notices, n => Assert.Equal(1, Site.Mailer.CallsFor(n.DedupeKey)));
                Assert.Single(await Site.TimelineAsync(enrolment.EnrolmentId, ActivityKinds.InactivityFlagged));
                Assert.Single(await Site.TimelineAsync(enrolment.EnrolmentId, ActivityKinds.EndingSoonNotified));
            }

            Assert.Single(await Site.TimelineAsync(ending.EnrolmentId, ActivityKinds.Ended));
            Assert.Single(await Site.EntriesAsync(PurgeJob.AuditAction, purge.EnrolmentId.ToString()));
            Assert.Single(Site.Purger.Calls, c => c.PatientId == purge.PatientId);
        }
    }
}
