namespace H3Yun;

/// <summary>
/// Keeps the underlying failure of an H3Yun exception as its inner exception without letting the EngineSecret
/// through: .NET and the record reader quote what the server sent (an invalid header line, a field's value), so a
/// server that echoes the secret would otherwise put it into <c>InnerException.Message</c> and <c>ToString()</c>.
/// </summary>
internal static class RedactedFailure
{
    /// <summary>
    /// The failure itself when no message in its chain carries the secret; otherwise a copy of the chain with the secret
    /// masked, of the same types where the caller may look at them (HttpRequestException keeps its HttpRequestError and
    /// StatusCode). A copy has no stack trace of its own.
    /// </summary>
    public static Exception Of(Exception failure, SecretRedactor redactor) =>
        Carries(failure, redactor) ? Copy(failure, redactor) : failure;

    private static bool Carries(Exception? failure, SecretRedactor redactor)
    {
        for (var current = failure; current is not null; current = current.InnerException)
        {
            if (!string.Equals(redactor.Redact(current.Message), current.Message, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Copy(Exception failure, SecretRedactor redactor)
    {
        var message = redactor.Redact(failure.Message)!;
        var inner = failure.InnerException is { } cause ? Copy(cause, redactor) : null;
        return failure switch
        {
            HttpIOException io => new HttpIOException(io.HttpRequestError, message, inner),
            HttpRequestException http => new HttpRequestException(http.HttpRequestError, message, inner, http.StatusCode),
            IOException => new IOException(message, inner),
            AnswerFormatException => new AnswerFormatException(message),
            _ => new InvalidOperationException($"{failure.GetType().FullName}: {message}", inner),
        };
    }
}
