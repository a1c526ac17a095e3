using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Lifecycle;

/// <summary>Every care unit's inactivity and retention rules; a unit without a settings row uses the defaults.</summary>
public sealed class UnitRules(IReadOnlyDictionary<Guid, UnitEnrolmentSettings> settings)
{
    public static async Task<UnitRules> LoadAsync(EnrolmentDbContext db, CancellationToken cancellationToken) =>
        new(await db.UnitSettings.AsNoTracking().ToDictionaryAsync(s => s.CareUnitId, cancellationToken));

    public int InactivityDays(Guid unitId) =>
        settings.TryGetValue(unitId, out var row) ? row.InactivityDays : UnitEnrolmentSettings.DefaultInactivityDays;

    public int RetentionDays(Guid unitId) =>
        settings.TryGetValue(unitId, out var row) ? row.RetentionDays : UnitEnrolmentSettings.DefaultRetentionDays;

    /// <summary>The patient's last activity, or the start of the start day for a patient who has not been active yet.</summary>
    public static DateTime LastActiveUtc(DateTime? lastActiveUtc, DateOnly startDate) =>
        lastActiveUtc ?? SwedishTime.StartOfDayUtc(startDate);

    /// <summary>Inactive: without activity for more than the unit's number of days (only an active, started enrolment).</summary>
    public bool IsInactive(Guid unitId, EnrolmentStatus status, DateTime? lastActiveUtc, DateOnly startDate, DateTime nowUtc) =>
        status == EnrolmentStatus.Active
        && nowUtc - LastActiveUtc(lastActiveUtc, startDate) > TimeSpan.FromDays(InactivityDays(unitId));
}
