using Microsoft.EntityFrameworkCore;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Activity;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Unlocking;

namespace Smartskola.Enrolment.Lifecycle;

/// <summary>
/// Records the modules the enrolments' policies have opened by today (the patient's view already shows them open):
/// one <see cref="EnrolmentModuleState"/> row and one timeline entry per module, whichever instance gets there first.
/// </summary>
public sealed class ModuleOpeningJob(EnrolmentDbContext db, CurriculumLoader curriculum, ActivityLog activity,
    EnrolmentTransactions transactions)
{
    public async Task<(int Opened, int Failed)> RunAsync(DateTime nowUtc, DateOnly today, CancellationToken cancellationToken)
    {
        var program = await curriculum.LoadAsync(latest: false, cancellationToken);
        if (program is null || program.Modules.Count == 0)
        {
            return (0, 0);
        }

        var programId = program.Item.ContentItemId;
        var moduleIds = program.Modules.Select(m => m.Id).ToList();
        var numbers = program.Modules.ToDictionary(m => m.Id, m => m.Number);
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.ProgramId == programId && (e.Status == EnrolmentStatus.Active || e.Status == EnrolmentStatus.Maintenance)
                && e.StartDate <= today)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var rows = (await db.ModuleStates.AsNoTracking()
                .Where(s => db.Enrolments.Any(e => e.Id == s.EnrolmentId && e.ProgramId == programId
                    && (e.Status == EnrolmentStatus.Active || e.Status == EnrolmentStatus.Maintenance)))
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.EnrolmentId);

        int opened = 0, failed = 0;
        foreach (var enrolment in enrolments)
        {
            var existing = rows[enrolment.Id].ToDictionary(s => s.ModuleId);
            var due = ModuleAccessRules.DueWithoutRecord(enrolment, moduleIds, existing, today).ToList();
            if (due.Count == 0)
            {
                continue;
            }

            var result = await transactions.RunAsync("open-modules", enrolment.Id, async () =>
            {
                var inserted = 0;
                foreach (var (moduleId, by) in due)
                {
                    if (await InsertAsync(enrolment.Id, moduleId, by, nowUtc, cancellationToken) == 1)
                    {
                        activity.Add(enrolment.Id, ActivityKinds.ModuleOpened, $"Modul {numbers[moduleId]}", moduleId);
                        inserted++;
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                return inserted;
            }, cancellationToken);
            opened += result ?? 0;
            failed += result is null ? 1 : 0;
        }

        return (opened, failed);
    }

    /// <summary>
    /// Inserts the row unless one exists; 1 when this call inserted it. ON CONFLICT DO NOTHING (both PostgreSQL and
    /// SQLite ≥ 3.24) waits for a concurrent insert of the same key to commit and then does nothing, without an
    /// error that would abort a PostgreSQL transaction, and unlike INSERT OR IGNORE it ignores key conflicts only.
    /// </summary>
    private Task<int> InsertAsync(Guid enrolmentId, string moduleId, ModuleOpenedBy by, DateTime nowUtc,
        CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "EnrolmentModules"
                ("EnrolmentId", "ModuleId", "IsOpen", "ChangedBy", "ChangedByUserId", "ChangedUtc", "FirstOpenedUtc", "CompletedUtc")
            VALUES ({enrolmentId}, {moduleId}, {true}, {(int)by}, NULL, {nowUtc}, {nowUtc}, NULL)
            ON CONFLICT DO NOTHING
            """, cancellationToken);
}
