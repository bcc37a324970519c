namespace H3Yun;

/// <summary>The time zones H3Yun's dates are in.</summary>
public static class H3YunTimeZones
{
    /// <summary>
    /// China Standard Time, UTC+8, in which H3Yun stores and answers every date. China has had no daylight saving
    /// since 1991, so a fixed offset is exact for every date H3Yun holds and needs no time-zone database.
    /// </summary>
    public static readonly TimeZoneInfo ChinaStandardTime = TimeZoneInfo.CreateCustomTimeZone(
        "China Standard Time", TimeSpan.FromHours(8), "(UTC+08:00) China Standard Time", "China Standard Time");
}
