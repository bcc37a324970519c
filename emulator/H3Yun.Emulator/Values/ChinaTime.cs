using System;

namespace H3Yun.Emulator.Values;

/// <summary>H3Yun stamps records in China Standard Time whatever the caller's zone, so the machine's zone must not leak in.</summary>
internal static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime Now => DateTime.SpecifyKind(DateTime.UtcNow + Offset, DateTimeKind.Unspecified);

    public static DateTime FromOffset(DateTimeOffset value) =>
        DateTime.SpecifyKind(value.ToOffset(Offset).DateTime, DateTimeKind.Unspecified);
}
