namespace H3Yun;

/// <summary>The per-item report of a batch that stopped part-way, and its wording, shared by failure and cancellation.</summary>
internal static class BatchReport
{
    public static string Describe(IReadOnlyList<BatchItemResult> items)
    {
        var created = items.Where(static i => i.Outcome == WriteOutcome.Applied).Select(static i => i.Index).ToList();
        var unknown = items.Where(static i => i.Outcome == WriteOutcome.Unknown).Select(static i => i.Index).ToList();
        var notCreated = items.Where(static i => i.Outcome == WriteOutcome.NotApplied).Select(static i => i.Index).ToList();
        var parts = new List<string>();
        if (created.Count > 0)
        {
            parts.Add($"{created.Count} created (items {OutcomeText.Ranges(created)}; do not send them again)");
        }

        if (unknown.Count > 0)
        {
            parts.Add($"{unknown.Count} may or may not have been created (items {OutcomeText.Ranges(unknown)}; check whether they exist, "
                + "for example by querying a field that identifies them, before sending any of them again)");
        }

        if (notCreated.Count > 0)
        {
            parts.Add($"{notCreated.Count} certainly not created (items {OutcomeText.Ranges(notCreated)}; these can be sent again)");
        }

        return string.Join("; ", parts) + ".";
    }

    public static WriteOutcome Overall(IReadOnlyList<BatchItemResult> items) =>
        items.Any(static i => i.Outcome == WriteOutcome.Unknown) ? WriteOutcome.Unknown
        : items.Any(static i => i.Outcome == WriteOutcome.Applied) ? WriteOutcome.Applied
        : WriteOutcome.NotApplied;
}
