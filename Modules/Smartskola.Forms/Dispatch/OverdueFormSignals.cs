using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Workspace;
using Smartskola.Forms.Data;

namespace Smartskola.Forms.Dispatch;

/// <summary>Overdue forms for the triage list: assignments past their due date (Swedish time) and not answered, counted in SQL.</summary>
public sealed class OverdueFormSignals(FormsDbContext db, TimeProvider clock) : ITriageSignals
{
    public async Task<IReadOnlyDictionary<Guid, TriageSignal>> ForUnitsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken)
    {
        var today = SwedishTime.Today(clock);
        var units = unitIds.ToList();
        return await db.Assignments.AsNoTracking()
            .Where(a => units.Contains(a.UnitId) && a.DueOn != null && a.DueOn < today
                && (a.Status == AssignmentStatus.NotStarted || a.Status == AssignmentStatus.InProgress))
            .GroupBy(a => a.EnrolmentId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => new TriageSignal(0, null, x.Count), cancellationToken);
    }
}

/// <summary>The "Formulär" link on the patient page, with the number of forms not answered yet.</summary>
public sealed class FormsEnrolmentLinks(FormsDbContext db, TimeProvider clock) : IEnrolmentLinks
{
    public async Task<IReadOnlyList<EnrolmentLink>> ForEnrolmentAsync(Smartskola.Enrolment.Data.ProgramEnrolment enrolment,
        CancellationToken cancellationToken)
    {
        var today = SwedishTime.Today(clock);
        var open = await db.Assignments.AsNoTracking().CountAsync(a => a.EnrolmentId == enrolment.Id && a.AvailableOn <= today
            && (a.Status == AssignmentStatus.NotStarted || a.Status == AssignmentStatus.InProgress), cancellationToken);
        return [new EnrolmentLink("Formulär", $"/admin/patienter/{enrolment.Id}/formular", open > 0 ? $"{open} ej besvarade" : null)];
    }
}
