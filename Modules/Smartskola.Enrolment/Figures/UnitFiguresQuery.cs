using Microsoft.EntityFrameworkCore;
using Smartskola.Core.CareUnits;
using Smartskola.Core.Site;
using Smartskola.Curriculum.Reading;
using Smartskola.Enrolment.Data;
using Smartskola.Enrolment.Lifecycle;

namespace Smartskola.Enrolment.Figures;

/// <summary>
/// Computes <see cref="UnitFigures"/> for the given units. Status and activity counts cover enrolments that are not
/// purged; module completions and the median cover every enrolment in the published program (purged ones keep their
/// module rows without personal data).
/// </summary>
public sealed class UnitFiguresQuery(EnrolmentDbContext db, CurriculumLoader curriculum, TimeProvider clock)
{
    public async Task<IReadOnlyList<UnitFigures>> ForUnitsAsync(IReadOnlyList<CareUnitInfo> units, CancellationToken cancellationToken = default)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var ids = units.Select(u => u.Id).ToList();
        var rules = await UnitRules.LoadAsync(db, cancellationToken);
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => ids.Contains(e.CareUnitId) && e.Status != EnrolmentStatus.Purged)
            .Select(e => new { e.CareUnitId, e.Status, e.StartDate, e.LastActiveUtc })
            .ToListAsync(cancellationToken);

        var program = await curriculum.LoadAsync(latest: false, cancellationToken);
        var modules = program?.Modules ?? [];
        var programId = program?.Item.ContentItemId ?? string.Empty;
        var moduleIds = modules.Select(m => m.Id).ToList();
        var completions = await db.ModuleStates.AsNoTracking()
            .Where(s => s.CompletedUtc != null && moduleIds.Contains(s.ModuleId))
            .Join(db.Enrolments.Where(e => ids.Contains(e.CareUnitId) && e.ProgramId == programId),
                s => s.EnrolmentId, e => e.Id,
                (s, e) => new Completion(e.Id, e.CareUnitId, e.StartDate, s.ModuleId, s.CompletedUtc!.Value))
            .ToListAsync(cancellationToken);

        var result = new List<UnitFigures>(units.Count);
        foreach (var unit in units.OrderBy(u => u.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false)))
        {
            var mine = enrolments.Where(e => e.CareUnitId == unit.Id).ToList();
            var done = completions.Where(c => c.UnitId == unit.Id).ToList();
            var finished = FinishedDays(done, moduleIds.Count);
            result.Add(new UnitFigures(
                unit.Id,
                unit.Name,
                Enrolled: mine.Count,
                Active: mine.Count(e => e.Status == EnrolmentStatus.Active),
                Maintenance: mine.Count(e => e.Status == EnrolmentStatus.Maintenance),
                Ended: mine.Count(e => e.Status == EnrolmentStatus.Ended),
                ActiveLast7Days: mine.Count(e => e.LastActiveUtc >= nowUtc.AddDays(-7)),
                ActiveLast30Days: mine.Count(e => e.LastActiveUtc >= nowUtc.AddDays(-30)),
                Inactive: mine.Count(e => rules.IsInactive(unit.Id, e.Status, e.LastActiveUtc, e.StartDate, nowUtc)),
                InactivityDays: rules.InactivityDays(unit.Id),
                Modules: modules.Select(m => new ModuleCompletion(m.Number, m.Title, done.Count(c => c.ModuleId == m.Id))).ToList(),
                CompletedAll: finished.Count,
                MedianDaysToComplete: Median(finished)));
        }

        return result;
    }

    /// <summary>The module numbers and titles of the published program, for headings.</summary>
    public async Task<IReadOnlyList<(int Number, string Title)>> ModulesAsync(CancellationToken cancellationToken = default) =>
        (await curriculum.LoadAsync(latest: false, cancellationToken))?.Modules.Select(m => (m.Number, m.Title)).ToList() ?? [];

    /// <summary>Days from start to the last completion, for each enrolment that completed all modules.</summary>
    private static List<int> FinishedDays(IEnumerable<Completion> completions, int moduleCount) =>
        moduleCount == 0
            ? []
            : completions.GroupBy(c => c.EnrolmentId)
                .Where(g => g.Select(c => c.ModuleId).Distinct().Count() == moduleCount)
                .Select(g => DateOnly.FromDateTime(SwedishTime.ToLocal(g.Max(c => c.CompletedUtc))).DayNumber - g.First().StartDate.DayNumber)
                .ToList();

    public static double? Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private sealed record Completion(Guid EnrolmentId, Guid UnitId, DateOnly StartDate, string ModuleId, DateTime CompletedUtc);
}
