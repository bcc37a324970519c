namespace H3Yun;

/// <summary>
/// The base of every failure the client reports. It always names the OpenApi action and, where there is one,
/// the form (SchemaCode) the call was about, says through <see cref="Outcome"/> whether a write may have been
/// applied, and never carries the EngineSecret.
/// </summary>
public abstract class H3YunException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionName">The OpenApi action that failed, such as <c>LoadBizObject</c>.</param>
    /// <param name="schemaCode">The form the call was about, if any.</param>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    /// <param name="outcome">Whether H3Yun may have applied the call; said at the end of the message for writes.</param>
    protected H3YunException(
        string actionName,
        string? schemaCode,
        string message,
        Exception? innerException = null,
        WriteOutcome outcome = WriteOutcome.NotApplied)
        : this(actionName, schemaCode, outcome, WithOutcome(message, actionName, outcome), innerException)
    {
    }

    // For messages that describe the outcome themselves, such as a batch's per-item report.
    private protected H3YunException(string actionName, string? schemaCode, WriteOutcome outcome, string message, Exception? innerException)
        : base(message, innerException)
    {
        ActionName = actionName;
        SchemaCode = schemaCode;
        Outcome = outcome;
    }

    /// <summary>The OpenApi action that failed, such as <c>CreateBizObject</c>.</summary>
    public string ActionName { get; }

    /// <summary>The form (SchemaCode) the failed call was about, or <see langword="null"/> when the action names none.</summary>
    public string? SchemaCode { get; }

    /// <summary>
    /// Whether H3Yun may have applied the call. Always <see cref="WriteOutcome.NotApplied"/> for reads; for a write,
    /// <see cref="WriteOutcome.Unknown"/> means it must be checked before it is sent again.
    /// </summary>
    public WriteOutcome Outcome { get; }

    /// <summary>Whether the failure may pass if the call is repeated later (a timeout, a network failure, a busy server).</summary>
    internal bool IsTransient { get; init; }

    private static string WithOutcome(string message, string actionName, WriteOutcome outcome) =>
        OutcomeText.Sentence(actionName, outcome) is { Length: > 0 } sentence ? OutcomeText.EndSentence(message) + sentence : message;

    /// <summary>Formats the "action on form" prefix every message starts with.</summary>
    /// <param name="actionName">The action.</param>
    /// <param name="schemaCode">The form, if any.</param>
    /// <returns>For example <c>LoadBizObject on form 'D000024chuangjian'</c>.</returns>
    protected static string Describe(string actionName, string? schemaCode) => OutcomeText.Describe(actionName, schemaCode);
}
