namespace H3Yun;

/// <summary>
/// The base of every failure the client reports. It always names the OpenApi action and, where there is one,
/// the form (SchemaCode) the call was about, and never carries the EngineSecret.
/// </summary>
public abstract class H3YunException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionName">The OpenApi action that failed, such as <c>LoadBizObject</c>.</param>
    /// <param name="schemaCode">The form the call was about, if any.</param>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    protected H3YunException(string actionName, string? schemaCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ActionName = actionName;
        SchemaCode = schemaCode;
    }

    /// <summary>The OpenApi action that failed, such as <c>CreateBizObject</c>.</summary>
    public string ActionName { get; }

    /// <summary>The form (SchemaCode) the failed call was about, or <see langword="null"/> when the action names none.</summary>
    public string? SchemaCode { get; }

    /// <summary>Formats the "action on form" prefix every message starts with.</summary>
    /// <param name="actionName">The action.</param>
    /// <param name="schemaCode">The form, if any.</param>
    /// <returns>For example <c>LoadBizObject on form 'D000024chuangjian'</c>.</returns>
    protected static string Describe(string actionName, string? schemaCode) =>
        schemaCode is null ? actionName : $"{actionName} on form '{schemaCode}'";
}
