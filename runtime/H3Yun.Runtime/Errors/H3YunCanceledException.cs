namespace H3Yun;

/// <summary>
/// The caller cancelled the call. It is an <see cref="OperationCanceledException"/>, so frameworks treat it as a
/// cancellation, and it also says through <see cref="Outcome"/> whether a write was on its way and so may have been
/// applied.
/// </summary>
public class H3YunCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionName">The action that was cancelled.</param>
    /// <param name="schemaCode">The form, if any.</param>
    /// <param name="outcome">Whether H3Yun may have applied the call.</param>
    /// <param name="cancellationToken">The token that was cancelled.</param>
    /// <param name="innerException">The cancellation as it was raised.</param>
    public H3YunCanceledException(
        string actionName, string? schemaCode, WriteOutcome outcome, CancellationToken cancellationToken, Exception? innerException = null)
        : this(actionName, schemaCode, outcome, innerException, $"{OutcomeText.Describe(actionName, schemaCode)} was cancelled." + OutcomeText.Sentence(actionName, outcome), cancellationToken)
    {
    }

    private protected H3YunCanceledException(
        string actionName, string? schemaCode, WriteOutcome outcome, Exception? innerException, string message, CancellationToken cancellationToken)
        : base(message, innerException, cancellationToken)
    {
        ActionName = actionName;
        SchemaCode = schemaCode;
        Outcome = outcome;
    }

    /// <summary>The OpenApi action that was cancelled.</summary>
    public string ActionName { get; }

    /// <summary>The form the call was about, if any.</summary>
    public string? SchemaCode { get; }

    /// <summary>Whether H3Yun may have applied the call; <see cref="WriteOutcome.Unknown"/> when a write was on its way.</summary>
    public WriteOutcome Outcome { get; }
}
