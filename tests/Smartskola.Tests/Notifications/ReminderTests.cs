using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;
using Smartskola.Forms.Data;
using Smartskola.Forms.Dispatch;
using Smartskola.Notifications.Reminders;
using Smartskola.Notifications.Sending;
using Smartskola.Tests.Enrolment;
using Smartskola.Tests.Forms;
using Smartskola.Tests.Infrastructure;

namespace Smartskola.Tests.Notifications;

/// <summary>The reminder job (inactivity, new module, digest) and the forms reminders, all through the notifier's rules.</summary>
public abstract class ReminderTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : NotificationSiteFactory
{
    private Task RunJobsAsync() => site.WithScopeAsync(async sp =>
    {
        await sp.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None);
        return await sp.GetRequiredService<FormReminderJob>().RunAsync(CancellationToken.None);
    });

    /// <summary>Something to be reminded of in every way: last active yesterday, a module opened now, a form due in two days.</summary>
    private async Task GiveRemindersAsync(SeededPatient patient, string templateId)
    {
        var (_, modules) = await site.ProgramAsync();
        var now = site.Clock.GetUtcNow().UtcDateTime;
        var today = SwedishTime.Today(site.Clock);
        await site.EnrolmentDataAsync(async db =>
        {
            await db.Enrolments.Where(e => e.Id == patient.EnrolmentId).ExecuteUpdateAsync(s => s.SetProperty(e => e.LastActiveUtc, now.AddDays(-1)));
            db.ModuleStates.Add(new EnrolmentModuleState
            {
                EnrolmentId = patient.EnrolmentId, ModuleId = modules[1], IsOpen = true, ChangedBy = ModuleOpenedBy.Schedule, ChangedUtc = now,
                FirstOpenedUtc = now,
            });
            return await db.SaveChangesAsync();
        });
        await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FormsDbContext>();
            var unit = await site.UnitIdAsync(DemoUsers.UnitNorth);
            var dispatch = new FormDispatch
            {
                Id = Guid.NewGuid(), TemplateId = templateId, TemplateVersion = 1, UnitId = unit, CreatedUtc = now, CreatedByName = "Test",
                RecipientsText = "Test", DueDays = 2, Occasions = 1, IntervalDays = 1, RemindDaysBefore = 1, RemindDaysAfter = 1,
            };
            db.Dispatches.Add(dispatch);
            db.Assignments.Add(new FormAssignment
            {
                Id = Guid.NewGuid(), DispatchId = dispatch.Id, EnrolmentId = patient.EnrolmentId, UnitId = unit, TemplateId = templateId,
                TemplateVersion = 1, AvailableOn = today, DueOn = today.AddDays(2), Status = AssignmentStatus.NotStarted, CreatedUtc = now,
            });
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Maintenance_mode_stops_every_reminder_for_weeks_while_a_message_from_the_care_team_still_notifies()
    {
        var template = await site.PublishTemplateAsync(DemoUsers.UnitNorth, "Påminnelseprov");
        var active = await site.PatientAsync();
        var maintenance = await site.PatientAsync(status: EnrolmentStatus.Maintenance);
        foreach (var patient in new[] { active, maintenance })
        {
            await site.OptInAsync(patient.PatientId, email: true);
            await GiveRemindersAsync(patient, template);
        }

        var elapsed = TimeSpan.Zero;
        try
        {
            for (var day = 1; day <= 21; day++)
            {
                site.Clock.Advance(TimeSpan.FromDays(1));
                elapsed += TimeSpan.FromDays(1);
                await RunJobsAsync();
            }
        }
        finally
        {
            site.Clock.Advance(-elapsed);
        }

        // The same things reminded the active patient, so the jobs did run (and kept to the weekly cap).
        var kinds = (await site.OutboxAsync(active.EnrolmentId)).Select(m => m.Kind).ToList();
        Assert.Contains(NotificationKinds.Inactivity, kinds);
        Assert.Contains(NotificationKinds.ModuleOpened, kinds);
        Assert.Contains(NotificationKinds.FormNew, kinds);
        Assert.Contains(NotificationKinds.FormDue, kinds);
        // In maintenance mode only the form the care team sent is announced (not a reminder); no reminder at all.
        Assert.Equal([NotificationKinds.FormNew], (await site.OutboxAsync(maintenance.EnrolmentId)).Select(m => m.Kind));

        Assert.Equal(NotifyOutcome.Queued, await site.NotifyAsync(maintenance.EnrolmentId, NotificationKinds.NewMessage, $"message:{Guid.NewGuid():N}"));
        await site.DeliverMailAsync();
        Assert.Single(await site.OutboxAsync(maintenance.EnrolmentId), r => r.Kind == NotificationKinds.NewMessage);
        var mails = await site.MailServer.MessagesToAsync(maintenance.AccountEmail);
        Assert.Single(mails, m => m.Text.Contains("nytt meddelande", StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.Subject.Contains("Påminnelse", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_reminder_goes_out_once_however_often_the_job_runs()
    {
        var patient = await site.PatientAsync();
        await site.OptInAsync(patient.PatientId, email: true);
        var (_, modules) = await site.ProgramAsync();
        var now = site.Clock.GetUtcNow().UtcDateTime;
        await site.EnrolmentDataAsync(async db =>
        {
            await db.Enrolments.Where(e => e.Id == patient.EnrolmentId).ExecuteUpdateAsync(s => s.SetProperty(e => e.LastActiveUtc, now.AddDays(-10)));
            db.ModuleStates.Add(new EnrolmentModuleState
            {
                EnrolmentId = patient.EnrolmentId, ModuleId = modules[2], IsOpen = true, ChangedBy = ModuleOpenedBy.Clinician, ChangedUtc = now,
                FirstOpenedUtc = now.AddHours(-3),
            });
            // Open from the start: part of the welcome, not news.
            db.ModuleStates.Add(new EnrolmentModuleState
            {
                EnrolmentId = patient.EnrolmentId, ModuleId = modules[0], IsOpen = true, ChangedBy = ModuleOpenedBy.Start, ChangedUtc = now,
                FirstOpenedUtc = now.AddHours(-3),
            });
            return await db.SaveChangesAsync();
        });

        var first = await site.WithScopeAsync(sp => sp.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None));
        var second = await site.WithScopeAsync(sp => sp.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None));
        Assert.True(first.Inactivity >= 1 && first.ModulesOpened >= 1, first.ToString());
        var rows = await site.OutboxAsync(patient.EnrolmentId);
        Assert.Single(rows, r => r.Kind == NotificationKinds.Inactivity);
        var module = Assert.Single(rows, r => r.Kind == NotificationKinds.ModuleOpened);
        Assert.Equal($"module:{patient.EnrolmentId:N}:{modules[2]}:email", module.DedupeKey);
        Assert.Equal(2, rows.Count);
        Assert.Equal(0, second.Inactivity);
    }
}

public sealed class SqliteReminderTests(SqliteNotificationSite site) : ReminderTests<SqliteNotificationSite>(site);

public sealed class PostgresReminderTests(PostgresNotificationSite site) : ReminderTests<PostgresNotificationSite>(site);
