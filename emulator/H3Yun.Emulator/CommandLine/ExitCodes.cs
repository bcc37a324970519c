namespace H3Yun;

/// <summary>
/// What every command under <c>h3yun</c> exits with, the emulator's own executable included, so that scripts and CI
/// can tell a finding from a failure. One definition: this file is compiled into the emulator and, linked, into the
/// <c>h3yun</c> tool (tools/H3Yun.Cli), which mounts the emulator's command as <c>h3yun emulator</c>.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Done; for <c>schema diff</c>, no drift; for <c>schema check</c>, no error; an emulator stopped by Ctrl+C.</summary>
    public const int Success = 0;

    /// <summary>The command found something: <c>schema diff</c> drift, <c>schema check</c> errors in schema files.</summary>
    public const int Finding = 1;

    /// <summary>
    /// The command could not do its job: bad flags or arguments, credentials, H3Yun refused or answered nonsense,
    /// files (a seed or data file that cannot be read, a port that cannot be bound).
    /// </summary>
    public const int Error = 2;
}
