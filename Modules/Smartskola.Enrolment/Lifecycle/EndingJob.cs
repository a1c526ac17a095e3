using Microsoft.EntityFrameworkCore;
using Smartskola.Enrolment.Activity;
using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Lifecycle;

/// <summary>
/// Ends access the day after the planned end date. A conditional update per enrolment: only the instance whose
/// update changed the row writes the timeline entry.
/// </summary>
public sealed class EndingJob(EnrolmentDbContext db, ActivityLog activity, EnrolmentTransactions transactions)
{
    public async Task<(int Ended, int Failed)> RunAsync(DateTime nowUtc, DateOnly today, CancellationToken cancellationToken)
    {
        var due = await db.Enrolments.AsNoTracking()
            .Where(e => (e.Status == EnrolmentStatus.Active || e.Status == EnrolmentStatus.Maintenance) && e.PlannedEndDate < today)
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        int ended = 0, failed = 0;
        foreach (var id in due)
        {
            var result = await transactions.RunAsync("end", id, async () =>
            {
                var version = Guid.NewGuid();
                var changed = await db.Enrolments
                    .Where(e => e.Id == id && (e.Status == EnrolmentStatus.Active || e.Status == EnrolmentStatus.Maintenance)
                        && e.PlannedEndDate < today)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EnrolmentStatus.Ended)
                        .SetProperty(e => e.EndedUtc, nowUtc)
                        .SetProperty(e => e.Version, version), cancellationToken);
                if (changed != 1)
                {
                    return 0;
                }

                activity.Add(id, ActivityKinds.Ended, "Planerat slutdatum har passerats");
                await db.SaveChangesAsync(cancellationToken);
                return 1;
            }, cancellationToken);
            ended += result ?? 0;
            failed += result is null ? 1 : 0;
        }

        return (ended, failed);
    }
}
