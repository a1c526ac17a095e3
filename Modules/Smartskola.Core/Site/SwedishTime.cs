using System.Globalization;

namespace Smartskola.Core.Site;

/// <summary>Times are stored in UTC and shown in Swedish local time (CET/CEST), labelled where it matters.</summary>
public static class SwedishTime
{
    private static readonly TimeZoneInfo Zone = Find();

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Today's date in Sweden: the day patients and clinicians see on the calendar.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>The UTC instant a Swedish calendar day begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    public static string Format(DateTime utc, string format = "yyyy-MM-dd HH:mm") =>
        ToLocal(utc).ToString(format, CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset utc, string format = "yyyy-MM-dd HH:mm") => Format(utc.UtcDateTime, format);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without time-zone data: show UTC rather than fail.
            return TimeZoneInfo.Utc;
        }
    }
}
