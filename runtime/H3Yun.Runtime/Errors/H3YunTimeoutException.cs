namespace H3Yun;

/// <summary>
/// H3Yun did not answer within <see cref="H3YunClientOptions.Timeout"/>. For a write the outcome is unknown:
/// the record may or may not have been written, so look before writing again.
/// </summary>
public sealed class H3YunTimeoutException : H3YunTransportException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionName">The action that timed out.</param>
    /// <param name="schemaCode">The form, if any.</param>
    /// <param name="timeout">The time the client waited.</param>
    public H3YunTimeoutException(string actionName, string? schemaCode, TimeSpan timeout)
        : this(actionName, schemaCode, timeout, OpenApiActions.IsRead(actionName))
    {
    }

    private H3YunTimeoutException(string actionName, string? schemaCode, TimeSpan timeout, bool isRead)
        : base(
            actionName,
            schemaCode,
            $"H3Yun did not answer {Describe(actionName, schemaCode)} within {timeout.TotalSeconds:0.###} s."
            + (isRead ? " Try again later or raise H3YunClientOptions.Timeout (H3Yun documents at most 60 s)." : string.Empty),
            outcome: isRead ? WriteOutcome.NotApplied : WriteOutcome.Unknown)
    {
        Timeout = timeout;
        IsTransient = true;
    }

    /// <summary>How long the client waited for the answer.</summary>
    public TimeSpan Timeout { get; }

    internal static H3YunTimeoutException For(CallInfo call, TimeSpan timeout) => new(call.ActionName, call.SchemaCode, timeout, call.IsRead);
}
