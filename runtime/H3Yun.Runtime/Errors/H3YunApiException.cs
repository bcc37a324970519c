namespace H3Yun;

/// <summary>
/// H3Yun answered the call with <c>Successful: false</c>. <see cref="ErrorMessage"/> holds H3Yun's own text,
/// for example <c>根据 SchemaCode 获取 BizObjectSchema 失败</c> when the SchemaCode is wrong or not accessible.
/// </summary>
public sealed class H3YunApiException : H3YunException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionName">The action H3Yun rejected.</param>
    /// <param name="schemaCode">The form, if any.</param>
    /// <param name="errorMessage">H3Yun's <c>ErrorMessage</c>, already cleared of the secret.</param>
    /// <param name="outcome">Whether H3Yun may have applied part of the call (a batch, for example).</param>
    public H3YunApiException(string actionName, string? schemaCode, string? errorMessage, WriteOutcome outcome = WriteOutcome.NotApplied)
        : base(actionName, schemaCode, BuildMessage(actionName, schemaCode, errorMessage), outcome: outcome)
    {
        ErrorMessage = errorMessage;
    }

    /// <summary>H3Yun's own <c>ErrorMessage</c>, or <see langword="null"/> when it sent none.</summary>
    public string? ErrorMessage { get; }

    private static string BuildMessage(string actionName, string? schemaCode, string? errorMessage) =>
        $"H3Yun rejected {Describe(actionName, schemaCode)}: "
        + (string.IsNullOrWhiteSpace(errorMessage) ? "it reported a failure without an error message." : errorMessage);
}
