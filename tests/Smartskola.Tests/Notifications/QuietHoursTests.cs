using Smartskola.Notifications.Sending;

namespace Smartskola.Tests.Notifications;

/// <summary>Quiet hours are Swedish wall-clock times, also on the nights daylight saving time begins and ends.</summary>
public sealed class QuietHoursTests
{
    private static readonly TimeOnly Nine = new(21, 0), Eight = new(8, 0);

    [Theory]
    [InlineData("2026-06-01T10:00:00Z", null)] // 12:00 in summer: not quiet
    [InlineData("2026-06-01T04:00:00Z", "2026-06-01T06:00:00Z")] // 06:00 CEST: until 08:00 CEST the same morning
    [InlineData("2026-06-01T19:30:00Z", "2026-06-02T06:00:00Z")] // 21:30 CEST: until 08:00 the next morning
    [InlineData("2027-03-27T21:00:00Z", "2027-03-28T06:00:00Z")] // 22:00 CET, summer time begins in the night: 08:00 CEST
    [InlineData("2026-10-24T20:00:00Z", "2026-10-25T07:00:00Z")] // 22:00 CEST, summer time ends in the night: 08:00 CET
    [InlineData("2026-12-01T20:00:00Z", "2026-12-02T07:00:00Z")] // 21:00 CET exactly: quiet from then
    [InlineData("2026-12-01T07:00:00Z", null)] // 08:00 CET exactly: no longer quiet
    public void An_sms_waits_until_the_end_of_the_quiet_hours(string now, string? expected)
    {
        var result = QuietHours.NotBeforeUtc(Utc(now), Nine, Eight);
        Assert.Equal(expected is null ? null : Utc(expected), result);
    }

    [Fact]
    public void Equal_times_mean_no_quiet_hours_and_a_daytime_span_does_not_wrap()
    {
        Assert.Null(QuietHours.NotBeforeUtc(Utc("2026-12-01T22:00:00Z"), Eight, Eight));
        Assert.Equal(Utc("2026-12-01T13:00:00Z"), QuietHours.NotBeforeUtc(Utc("2026-12-01T11:00:00Z"), new TimeOnly(12, 0), new TimeOnly(14, 0)));
        Assert.Null(QuietHours.NotBeforeUtc(Utc("2026-12-01T20:00:00Z"), new TimeOnly(12, 0), new TimeOnly(14, 0)));
    }

    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
}
