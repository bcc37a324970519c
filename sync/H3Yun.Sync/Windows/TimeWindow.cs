namespace H3Yun.Sync.Windows;

/// <summary>
/// A range of H3Yun times <c>[Start, End)</c> in whole seconds of China time (H3Yun's clock, no offset). A window whose
/// start is <see cref="DateTime.MinValue"/> is open below: its filter has no lower bound.
/// </summary>
/// <param name="Start">The first second, inclusive.</param>
/// <param name="End">The second to stop before, exclusive.</param>
internal readonly record struct TimeWindow(DateTime Start, DateTime End)
{
    /// <summary>Whether the filter has no lower bound.</summary>
    public bool IsOpenBelow => Start == DateTime.MinValue;

    /// <summary>How many whole seconds the window spans.</summary>
    public long Seconds => (End - Start).Ticks / TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override string ToString() =>
        $"[{(IsOpenBelow ? "-" : ChinaTime.Format(Start))}, {ChinaTime.Format(End)})";
}
