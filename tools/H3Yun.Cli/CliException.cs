namespace H3Yun.Cli;

/// <summary>A failure the user can fix, with the message that says how; h3yun prints it without a stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CliException()
    {
    }
}
