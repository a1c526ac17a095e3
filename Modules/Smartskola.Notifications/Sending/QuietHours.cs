using Smartskola.Core.Site;

namespace Smartskola.Notifications.Sending;

/// <summary>The patient's quiet hours for SMS, in Swedish local time (the clock on the patient's wall, not UTC).</summary>
public static class QuietHours
{
    /// <summary>
    /// When an SMS queued at <paramref name="nowUtc"/> may go out: null at once, else the end of the quiet hours (UTC).
    /// <paramref name="from"/> later than <paramref name="until"/> spans midnight (21–08); equal means no quiet hours.
    /// </summary>
    public static DateTime? NotBeforeUtc(DateTime nowUtc, TimeOnly from, TimeOnly until)
    {
        if (from == until)
        {
            return null;
        }

        var local = SwedishTime.ToLocal(nowUtc);
        var time = TimeOnly.FromDateTime(local);
        var day = DateOnly.FromDateTime(local);
        var spansMidnight = from > until;
        var inside = spansMidnight ? time >= from || time < until : time >= from && time < until;
        if (!inside)
        {
            return null;
        }

        var endDay = spansMidnight && time >= from ? day.AddDays(1) : day;
        return LocalToUtc(endDay.ToDateTime(until));
    }

    /// <summary>
    /// A Swedish wall-clock time as UTC. Starts from the day's start and corrects once by the offset actually in force
    /// at that time, so the day daylight saving time changes (02:00/03:00) still gives 08:00 on the wall.
    /// </summary>
    public static DateTime LocalToUtc(DateTime local)
    {
        var guess = SwedishTime.StartOfDayUtc(DateOnly.FromDateTime(local)) + local.TimeOfDay;
        var seen = SwedishTime.ToLocal(guess);
        return DateTime.SpecifyKind(guess + (local - seen), DateTimeKind.Utc);
    }
}
