namespace H3Yun;

/// <summary>
/// The client's settings that reading a record needs (H3Yun's time zone). Generated readers are static and take no
/// settings, so the client sets them for the duration of one synchronous read on its thread.
/// </summary>
internal static class ReadContext
{
    [ThreadStatic]
    private static TimeZoneInfo? _zone;

    /// <summary>The zone of the read in progress; China Standard Time outside a client's read.</summary>
    public static TimeZoneInfo Zone => _zone ?? H3YunTimeZones.ChinaStandardTime;

    /// <summary>Runs a synchronous read with <paramref name="zone"/> in force.</summary>
    public static T With<TState, T>(TimeZoneInfo zone, Func<TState, T> read, TState state)
    {
        var outer = _zone;
        _zone = zone;
        try
        {
            return read(state);
        }
        finally
        {
            _zone = outer;
        }
    }
}
