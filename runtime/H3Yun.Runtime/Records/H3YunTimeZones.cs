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

    /// <summary>A zone by its IANA or Windows id; China's own ids give <see cref="ChinaStandardTime"/>, which needs no time-zone database.</summary>
    /// <param name="id">For example <c>Asia/Shanghai</c>, <c>China Standard Time</c>, <c>UTC</c> or <c>Asia/Tokyo</c>.</param>
    /// <returns>The zone, or <see langword="null"/> when this machine does not know it.</returns>
    public static TimeZoneInfo? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        id = id.Trim();
        if (id is "Asia/Shanghai" or "Asia/Chongqing" or "Asia/Harbin" or "PRC" or "China Standard Time" or "Beijing")
        {
            return ChinaStandardTime;
        }

        if (id is "UTC" or "Etc/UTC" or "Z")
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
