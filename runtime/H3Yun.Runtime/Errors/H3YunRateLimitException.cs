namespace H3Yun;

/// <summary>
/// The client's own rate limiter refused the call before sending it: its queue for the engine was full (see
/// <see cref="H3YunClientOptions.RateLimitQueueLimit"/>), or a limiter of your own said no. Nothing was sent.
/// </summary>
public sealed class H3YunRateLimitException : H3YunException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actionName">The action that was refused.</param>
    /// <param name="schemaCode">The form, if any.</param>
    /// <param name="reason">The limiter's reason, when it gave one.</param>
    public H3YunRateLimitException(string actionName, string? schemaCode, string? reason)
        : base(
            actionName,
            schemaCode,
            $"The client's rate limiter refused {Describe(actionName, schemaCode)} before sending it"
            + (string.IsNullOrEmpty(reason) ? "" : $" ({reason})")
            + ": too many calls are waiting for the engine's turn. Send fewer at once, or raise H3YunClientOptions.RateLimitQueueLimit.")
    {
    }
}
