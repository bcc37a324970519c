namespace H3Yun.Cli;

/// <summary>What every h3yun command exits with, so that scripts and CI can tell a finding from a failure.</summary>
internal static class ExitCodes
{
    /// <summary>Done; for <c>diff</c>, no drift; for <c>check</c>, no error.</summary>
    public const int Success = 0;

    /// <summary>The command found something: <c>diff</c> drift, <c>check</c> errors in schema files.</summary>
    public const int Finding = 1;

    /// <summary>The command could not do its job: bad arguments, credentials, H3Yun refused or answered nonsense, files.</summary>
    public const int Error = 2;
}
