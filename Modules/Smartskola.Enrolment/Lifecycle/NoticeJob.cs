using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Activity;
using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Lifecycle;

/// <summary>
/// Notices to the responsible clinician: a patient has been inactive longer than the unit allows, or an enrolment
/// ends within <see cref="UnitEnrolmentSettings.DefaultEndingNoticeDays"/> days. Each notice has a dedupe key that the
/// database keeps unique, so it is created (with its timeline entry and mail) once, whichever instance runs.
/// </summary>
public sealed class NoticeJob(EnrolmentDbContext db, ActivityLog activity, IClinicianNoticeMailer mailer,
    EnrolmentTransactions transactions)
{
    public async Task<(int Created, int Failed)> FlagInactiveAsync(UnitRules rules, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var candidates = await db.Enrolments.AsNoTracking()
            .Where(e => e.Status == EnrolmentStatus.Active)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.CareUnitId, e.ClinicianId, e.Status, e.LastActiveUtc, e.StartDate })
            .ToListAsync(cancellationToken);
        int created = 0, failed = 0;
        foreach (var e in candidates.Where(e => rules.IsInactive(e.CareUnitId, e.Status, e.LastActiveUtc, e.StartDate, nowUtc)))
        {
            var lastDay = DateOnly.FromDateTime(SwedishTime.ToLocal(UnitRules.LastActiveUtc(e.LastActiveUtc, e.StartDate)));
            var key = $"inactive:{e.Id}:{lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            var result = await CreateAsync(e.Id, e.ClinicianId, NoticeKinds.Inactive, key, ActivityKinds.InactivityFlagged,
                $"Ingen aktivitet sedan {lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", nowUtc, cancellationToken);
            created += result ?? 0;
            failed += result is null ? 1 : 0;
        }

        return (created, failed);
    }

    public async Task<(int Created, int Failed)> NotifyEndingSoonAsync(DateTime nowUtc, DateOnly today, CancellationToken cancellationToken)
    {
        var until = today.AddDays(UnitEnrolmentSettings.DefaultEndingNoticeDays);
        var candidates = await db.Enrolments.AsNoTracking()
            .Where(e => (e.Status == EnrolmentStatus.Active || e.Status == EnrolmentStatus.Maintenance)
                && e.PlannedEndDate >= today && e.PlannedEndDate <= until)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.ClinicianId, e.PlannedEndDate })
            .ToListAsync(cancellationToken);
        int created = 0, failed = 0;
        foreach (var e in candidates)
        {
            var end = e.PlannedEndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var result = await CreateAsync(e.Id, e.ClinicianId, NoticeKinds.EndingSoon, $"ending:{e.Id}:{end}",
                ActivityKinds.EndingSoonNotified, $"Planerat slut {end}", nowUtc, cancellationToken);
            created += result ?? 0;
            failed += result is null ? 1 : 0;
        }

        return (created, failed);
    }

    /// <returns>1 when this call created the notice, 0 when it existed, null on failure.</returns>
    private Task<int?> CreateAsync(Guid enrolmentId, Guid clinicianId, string kind, string dedupeKey, string activityKind,
        string detail, DateTime nowUtc, CancellationToken cancellationToken) =>
        transactions.RunAsync(kind, enrolmentId, async () =>
        {
            var notice = new ClinicianNotice
            {
                Id = Guid.NewGuid(), ClinicianId = clinicianId, EnrolmentId = enrolmentId, Kind = kind, DedupeKey = dedupeKey,
                CreatedUtc = nowUtc,
            };
            // Unique DedupeKey: a concurrent insert of the same key waits for the other to commit, then does nothing.
            var inserted = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "EnrolmentNotices" ("Id", "ClinicianId", "EnrolmentId", "Kind", "DedupeKey", "CreatedUtc", "ReadUtc")
                VALUES ({notice.Id}, {notice.ClinicianId}, {notice.EnrolmentId}, {notice.Kind}, {notice.DedupeKey}, {notice.CreatedUtc}, NULL)
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            if (inserted != 1)
            {
                return 0;
            }

            activity.Add(enrolmentId, activityKind, detail);
            await db.SaveChangesAsync(cancellationToken);
            await mailer.NoticeCreatedAsync(notice, cancellationToken);
            return 1;
        }, cancellationToken);
}
