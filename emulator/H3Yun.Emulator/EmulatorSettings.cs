using System;

namespace H3Yun.Emulator;

/// <summary>
/// The behaviours an instance was started with, copied from <see cref="H3YunEmulatorOptions"/> once at start and
/// validated there, so that changing the options object afterwards cannot half-change a running emulator.
/// </summary>
internal sealed record EmulatorSettings(
    ChildRowUpdateMode ChildRows,
    MissingRecordAnswer MissingRecord,
    double? RateLimit,
    RateLimitRefusal RateLimitRefusal,
    int? RequestLogLimit)
{
    public static EmulatorSettings From(H3YunEmulatorOptions options)
    {
        if (options.RateLimit is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), rate, "RateLimit must be a positive number of requests per second, or null for no limit.");
        }

        if (options.RequestLogLimit is { } limit && limit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), limit, "RequestLogLimit must be at least 1, or null to keep every request.");
        }

        return new(
            Defined(options.ChildRowUpdates, nameof(options.ChildRowUpdates)),
            Defined(options.MissingRecord ?? MissingRecordAnswer.NullBizObject, nameof(options.MissingRecord)),
            options.RateLimit,
            Defined(options.RateLimitRefusal, nameof(options.RateLimitRefusal)),
            options.RequestLogLimit);
    }

    private static T Defined<T>(T value, string name)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"{name} is not a {typeof(T).Name} value.");
}
