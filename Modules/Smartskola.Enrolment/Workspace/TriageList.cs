using Microsoft.EntityFrameworkCore;
using Smartskola.Core.Site;
using Smartskola.Enrolment.Data;

namespace Smartskola.Enrolment.Workspace;

/// <summary>Why a patient is in the "needs attention" part of the list. The enum order is the triage order.</summary>
public enum TriageReason
{
    UnreadMessages = 0,
    Inactive = 1,
    OverdueForms = 2,
    EndingSoon = 3,
}

public sealed record TriageRow(Guid EnrolmentId, Guid PatientId, Guid CareUnitId, string PatientName, string PersonnummerMasked, Guid ClinicianId,
    EnrolmentStatus Status, DateOnly StartDate, DateOnly PlannedEndDate, DateTime? LastActiveUtc, bool SignedUp,
    int InactiveDays, int DaysToEnd, TriageSignal Signal, IReadOnlyList<TriageReason> Reasons)
{
    public TriageReason? TopReason => Reasons.Count > 0 ? Reasons[0] : null;
}

public sealed record TriageFilter(Guid? ClinicianId, TriageReason? Reason, bool Ended, string? NameSearch, string? PersonnummerHash);

/// <summary>
/// "Mina patienter", ordered by need. The documented order: (1) unread messages, longest waiting first; (2) inactive
/// longer than the unit's limit (default 7 days; never signed in counts from the start date), longest first;
/// (3) overdue forms, most first; (4) ending within 30 days, soonest first; then everyone else, least recently
/// active first. A patient with several reasons sorts by the first of them. Enrolments in maintenance mode are not
/// flagged as inactive (reminders stop there by design).
/// </summary>
public sealed class TriageList(EnrolmentDbContext db, IEnumerable<ITriageSignals> signals, TimeProvider clock)
{
    public sealed record Result(IReadOnlyList<TriageRow> Rows, IReadOnlyDictionary<TriageReason, int> Counts, int Total);

    public async Task<Result> LoadAsync(IReadOnlyCollection<Guid> unitIds, TriageFilter filter, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = SwedishTime.Today(clock);
        var statuses = filter.Ended ? new[] { EnrolmentStatus.Ended } : [EnrolmentStatus.Active, EnrolmentStatus.Maintenance];
        var query =
            from e in db.Enrolments.AsNoTracking()
            join p in db.Patients.AsNoTracking() on e.PatientId equals p.Id
            where unitIds.Contains(e.CareUnitId) && statuses.Contains(e.Status)
            select new
            {
                e.Id, e.PatientId, e.CareUnitId, e.ClinicianId, e.Status, e.StartDate, e.PlannedEndDate, e.LastActiveUtc,
                p.GivenName, p.FamilyName, p.PersonnummerMasked, p.PersonnummerHash, SignedUp = p.UserId != null,
            };
        if (filter.ClinicianId is { } clinician)
        {
            query = query.Where(r => r.ClinicianId == clinician);
        }

        if (filter.PersonnummerHash is { } hash)
        {
            query = query.Where(r => r.PersonnummerHash == hash);
        }

        var raw = await query.ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(filter.NameSearch))
        {
            var words = filter.NameSearch.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            raw = raw.Where(r => words.All(w => $"{r.GivenName} {r.FamilyName}".Contains(w, StringComparison.CurrentCultureIgnoreCase))).ToList();
        }

        var limits = await db.UnitSettings.AsNoTracking().Where(s => unitIds.Contains(s.CareUnitId))
            .ToDictionaryAsync(s => s.CareUnitId, s => s.InactivityDays, cancellationToken);
        var signal = new Dictionary<Guid, TriageSignal>();
        foreach (var source in signals)
        {
            foreach (var (id, value) in await source.ForUnitsAsync(unitIds, cancellationToken))
            {
                signal[id] = signal.TryGetValue(id, out var earlier) ? earlier.Plus(value) : value;
            }
        }

        var rows = raw.Select(r =>
        {
            var since = r.LastActiveUtc is { } last ? DateOnly.FromDateTime(SwedishTime.ToLocal(last)) : r.StartDate;
            var inactiveDays = Math.Max(0, today.DayNumber - since.DayNumber);
            var daysToEnd = r.PlannedEndDate.DayNumber - today.DayNumber;
            var s = signal.GetValueOrDefault(r.Id, TriageSignal.None);
            var reasons = new List<TriageReason>();
            if (r.Status != EnrolmentStatus.Ended)
            {
                if (s.UnreadMessages > 0) reasons.Add(TriageReason.UnreadMessages);
                if (r.Status == EnrolmentStatus.Active && inactiveDays > limits.GetValueOrDefault(r.CareUnitId, UnitEnrolmentSettings.DefaultInactivityDays))
                    reasons.Add(TriageReason.Inactive);
                if (s.OverdueForms > 0) reasons.Add(TriageReason.OverdueForms);
                if (daysToEnd <= UnitEnrolmentSettings.DefaultEndingNoticeDays) reasons.Add(TriageReason.EndingSoon);
            }

            return new TriageRow(r.Id, r.PatientId, r.CareUnitId, $"{r.GivenName} {r.FamilyName}".Trim(), r.PersonnummerMasked, r.ClinicianId, r.Status,
                r.StartDate, r.PlannedEndDate, r.LastActiveUtc, r.SignedUp, inactiveDays, daysToEnd, s, reasons);
        }).ToList();

        var counts = Enum.GetValues<TriageReason>().ToDictionary(reason => reason, reason => rows.Count(r => r.Reasons.Contains(reason)));
        // Names break ties in Swedish alphabetical order. ICU's culture comparison (and its sort keys) cost tens of
        // milliseconds over thousands of rows, so a small ordinal comparer puts å, ä, ö after z instead.
        var ordered = rows
            .Where(r => filter.Reason is null || r.Reasons.Contains(filter.Reason.Value))
            .Select(r => (Row: r, Primary: r.TopReason is { } top ? (int)top : int.MaxValue, Secondary: r.TopReason switch
            {
                TriageReason.UnreadMessages => r.Signal.OldestUnreadUtc?.Ticks ?? 0,
                TriageReason.Inactive => -r.InactiveDays,
                TriageReason.OverdueForms => -r.Signal.OverdueForms,
                TriageReason.EndingSoon => r.DaysToEnd,
                _ => r.LastActiveUtc?.Ticks ?? 0,
            }))
            .OrderBy(r => r.Primary).ThenBy(r => r.Secondary).ThenBy(r => r.Row.PatientName, SwedishNameComparer.Instance)
            .Select(r => r.Row)
            .ToList();
        return new Result(ordered, counts, rows.Count);
    }
}

/// <summary>Case-insensitive alphabetical order with the Swedish å, ä, ö after z (and é as e); fast, no ICU.</summary>
public sealed class SwedishNameComparer : IComparer<string>
{
    public static readonly SwedishNameComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var difference = Weight(x[i]) - Weight(y[i]);
            if (difference != 0)
            {
                return difference;
            }
        }

        return x.Length - y.Length;
    }

    private static int Weight(char c) => char.ToLowerInvariant(c) switch
    {
        'å' => 'z' + 1,
        'ä' or 'æ' => 'z' + 2,
        'ö' or 'ø' => 'z' + 3,
        'é' or 'è' => 'e',
        'ü' => 'y',
        var other => other,
    };
}
