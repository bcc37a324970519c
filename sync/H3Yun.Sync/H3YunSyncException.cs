namespace H3Yun.Sync;

/// <summary>
/// The copy stopped for a reason a person must act on: the database cannot be reached or written, another sync holds
/// it, a schema file is bad, a field changed its type, or H3Yun answered in a way the copy cannot trust. The message
/// says what and what to do; no cursor has moved past rows that were not committed.
/// </summary>
public sealed class H3YunSyncException : Exception
{
    /// <summary>Creates the exception.</summary>
    public H3YunSyncException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">What happened and what to do.</param>
    public H3YunSyncException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public H3YunSyncException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
