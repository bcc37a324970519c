namespace H3Yun.Emulator;

/// <summary>
/// The behaviours an instance was started with, copied from <see cref="H3YunEmulatorOptions"/> once at start so
/// that changing the options object afterwards cannot half-change a running emulator.
/// </summary>
internal sealed record EmulatorSettings(ChildRowUpdateMode ChildRows)
{
    public static EmulatorSettings From(H3YunEmulatorOptions options)
    {
        if (!System.Enum.IsDefined(options.ChildRowUpdates))
        {
            throw new System.ArgumentOutOfRangeException(nameof(options), options.ChildRowUpdates, "ChildRowUpdates is not a ChildRowUpdateMode value.");
        }

        return new(options.ChildRowUpdates);
    }
}
