namespace H3Yun.Cli;

/// <summary>
/// Where a command writes and what it reads of the process: standard output (results), standard error (progress and
/// errors), the environment (credentials) and the current directory (relative paths). Tests give their own, so that
/// commands run in-process, side by side, against an emulator.
/// </summary>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Environment">The environment's variables.</param>
/// <param name="CurrentDirectory">The current directory.</param>
/// <param name="OutputIsTerminal">Whether standard output is a terminal (not redirected), where a display may redraw itself.</param>
internal sealed record CliConsole(TextWriter Output, TextWriter Error, Func<string, string?> Environment, string CurrentDirectory, bool OutputIsTerminal = false)
{
    public static CliConsole System => new(Console.Out, Console.Error, global::System.Environment.GetEnvironmentVariable, global::System.Environment.CurrentDirectory, !Console.IsOutputRedirected);

    /// <summary>A path as the user gave it, taken from the current directory when relative.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);

    /// <summary>A path to show: relative to the current directory when it lies below it.</summary>
    public string Show(string path)
    {
        var relative = Path.GetRelativePath(CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
