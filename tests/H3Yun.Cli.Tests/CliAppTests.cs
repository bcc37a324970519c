namespace H3Yun.Cli.Tests;

/// <summary>
/// What <c>h3yun</c> itself does around every command: a cancel and a bug each end in one line on standard error and
/// exit code 2, never a stack trace; and the paths it prints are short only where that loses nothing.
/// </summary>
public class CliAppTests
{
    [Fact]
    public async Task A_cancelled_command_says_so_in_one_line_and_exits_2()
    {
        await using var emulator = await Cli.StartEmulatorAsync(Cli.RepositorySchema("Customer.h3form.json"));
        using var folder = new TempFolder();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var pull = await Cli.RunAsync(
            folder.Path, Cli.EnvironmentFor(emulator), new StringWriter(), new StringWriter(), outputIsTerminal: false, cancel.Token, "schema", "pull", "--app", H3YunEmulatorOptionsApp.Default);

        Assert.Equal(ExitCodes.Error, pull.ExitCode);
        Assert.EndsWith(Environment.NewLine + "h3yun: cancelled." + Environment.NewLine, pull.Error, StringComparison.Ordinal);
        Assert.Single(pull.Error.Split(Environment.NewLine), line => line.StartsWith("h3yun:", StringComparison.Ordinal));
        Assert.False(Directory.Exists(folder.File("schemas")), "A cancelled pull wrote its folder.");
    }

    [Fact]
    public async Task A_bug_is_one_line_that_names_the_exception_and_asks_for_a_report()
    {
        using var folder = new TempFolder();
        var error = new StringWriter();
        var console = new CliConsole(new BrokenWriter(), error, _ => null, folder.Path);

        var exit = await CliApp.RunAsync(["--version"], console);

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Equal(
            "h3yun: unexpected error (InvalidOperationException): the writer is broken" + Environment.NewLine
            + "This is a bug in h3yun; please report it with the command you ran." + Environment.NewLine,
            error.ToString());
    }

    [Fact]
    public async Task Every_bad_flag_is_named_with_where_to_find_the_right_ones()
    {
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "pull", "--no-such-flag");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal(
            "h3yun: Unrecognized command or argument '--no-such-flag'." + Environment.NewLine
            + "h3yun: Option '--app' is required." + Environment.NewLine
            + "Run 'h3yun --help', or 'h3yun <command> --help', for the commands and options." + Environment.NewLine,
            run.Error);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("schemas/Customer.h3form.json", "schemas/Customer.h3form.json")]
    [InlineData("Customer.h3form.json", "Customer.h3form.json")]
    [InlineData("../elsewhere/Customer.h3form.json", null)]
    [InlineData("../../Customer.h3form.json", null)]
    public void A_path_is_shown_relative_below_the_current_folder_and_in_full_elsewhere(string given, string? shown)
    {
        var current = Path.Combine(Path.GetTempPath(), "h3yun-cli-tests", "work", "current");
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, _ => null, current);
        var full = console.FullPath(given);

        Assert.Equal(shown?.Replace('/', Path.DirectorySeparatorChar) ?? full, console.Show(full));
    }

    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("the writer is broken");

        public override void Write(string? value) => throw new InvalidOperationException("the writer is broken");

        public override void WriteLine(string? value) => throw new InvalidOperationException("the writer is broken");

        public override Task WriteLineAsync(string? value) => throw new InvalidOperationException("the writer is broken");

        public override Task WriteAsync(string? value) => throw new InvalidOperationException("the writer is broken");
    }
}
