using System;

namespace H3Yun.Emulator;

/// <summary>
/// The behaviours an instance was started with, copied from <see cref="H3YunEmulatorOptions"/> once at start so
/// that changing the options object afterwards cannot half-change a running emulator.
/// </summary>
internal sealed record EmulatorSettings(ChildRowUpdateMode ChildRows, MissingRecordAnswer MissingRecord)
{
    public static EmulatorSettings From(H3YunEmulatorOptions options) => new(
        Defined(options.ChildRowUpdates, nameof(options.ChildRowUpdates)),
        Defined(options.MissingRecord ?? MissingRecordAnswer.NullBizObject, nameof(options.MissingRecord)));

    private static T Defined<T>(T value, string name)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"{name} is not a {typeof(T).Name} value.");
}
