namespace H3Yun;

/// <summary>The wording every failure uses for the call it is about and for what it did to the data.</summary>
internal static class OutcomeText
{
    public static string Describe(string actionName, string? schemaCode) =>
        schemaCode is null ? actionName : $"{actionName} on form '{schemaCode}'";

    public static string Sentence(string actionName, WriteOutcome outcome) =>
        OpenApiActions.IsRead(actionName) ? string.Empty : outcome switch
        {
            WriteOutcome.Unknown => " The write may or may not have been applied: look (load or query) before sending it again.",
            WriteOutcome.Applied => " The write was applied: do not send it again.",
            _ => " Nothing was written.",
        };

    /// <summary>
    /// Ends a text that comes from elsewhere (H3Yun's message, an inner exception's) as a sentence, so that the
    /// sentence appended after it does not run into it.
    /// </summary>
    public static string EndSentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' or ':' or '。' or '！' or '？' ? trimmed : trimmed + ".";
    }

    /// <summary>Index ranges such as <c>0–99, 200–299</c>, so that a report of 1,000 items stays one line.</summary>
    public static string Ranges(IEnumerable<int> sortedIndexes)
    {
        var parts = new List<string>();
        int? start = null;
        var previous = -2;
        foreach (var index in sortedIndexes)
        {
            if (index != previous + 1 && start is { } s)
            {
                parts.Add(s == previous ? $"{s}" : $"{s}–{previous}");
                start = null;
            }

            start ??= index;
            previous = index;
        }

        if (start is { } last)
        {
            parts.Add(last == previous ? $"{last}" : $"{last}–{previous}");
        }

        return string.Join(", ", parts);
    }
}
