namespace H3Yun;

/// <summary>
/// H3Yun answered, but the answer is not what the OpenApi defines: not JSON, no envelope, or a value that cannot be
/// read as the type its field declares. The message says which member or field and what was found.
/// </summary>
public sealed class H3YunProtocolException : H3YunException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionName">The action whose answer could not be read.</param>
    /// <param name="schemaCode">The form, if any.</param>
    /// <param name="problem">What was wrong with the answer.</param>
    /// <param name="innerException">The parser failure, if any.</param>
    /// <param name="outcome">Whether the write was applied: unknown when the envelope itself was unreadable.</param>
    public H3YunProtocolException(
        string actionName, string? schemaCode, string problem, Exception? innerException = null, WriteOutcome outcome = WriteOutcome.NotApplied)
        : base(actionName, schemaCode, $"H3Yun's answer to {Describe(actionName, schemaCode)} could not be read: {problem}", innerException, outcome)
    {
        Problem = problem;
    }

    /// <summary>What was wrong with the answer, without the action prefix.</summary>
    public string Problem { get; }
}
