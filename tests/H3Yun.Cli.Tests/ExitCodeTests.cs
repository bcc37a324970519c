using H3Yun.Emulator;

namespace H3Yun.Cli.Tests;

/// <summary>
/// Everything under <c>h3yun</c>, <c>h3yun emulator</c> and the emulator's own executable included, follows one
/// convention (<see cref="ExitCodes"/>): 0 done, 1 a finding, 2 an error, bad flags included; and help names the
/// command a user types.
/// </summary>
public class ExitCodeTests
{
    [Fact]
    public async Task Help_names_the_command_h3yun_not_the_assembly()
    {
        using var folder = new TempFolder();

        var help = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "--help");
        var emulatorHelp = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "emulator", "--help");

        Assert.Equal(ExitCodes.Success, help.ExitCode);
        Assert.Contains("h3yun [command] [options]", help.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("H3Yun.Cli", help.All, StringComparison.Ordinal);
        Assert.Contains("h3yun emulator [command] [options]", emulatorHelp.Output, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[]> Errors => new()
    {
        { "an unknown flag", ["--no-such-flag"] },
        { "an emulator's unknown flag", ["emulator", "--no-such-flag"] },
        { "an emulator's bad flag value", ["emulator", "--urls", "http://10.0.0.1:5080", "--in-memory"] },
        { "an emulator's bad seed file", ["emulator", "--in-memory", "--seed", "{bad-seed}"] },
        { "an export of a missing data file", ["emulator", "export", "--data", "{missing-data}"] },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task An_error_exits_2_from_h3yun_emulator_and_from_the_emulators_own_executable(string what, string[] args)
    {
        using var folder = new TempFolder();
        var badSeed = folder.Write("bad.json", "{\"Records\":");
        args = [.. args.Select(arg => arg.Replace("{bad-seed}", badSeed, StringComparison.Ordinal).Replace("{missing-data}", folder.File("none.db"), StringComparison.Ordinal))];

        var run = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), args);
        var standalone = args[0] == "emulator" ? await H3YunEmulatorCommandLine.RunAsync(args[1..], TextWriter.Null, TextWriter.Null) : ExitCodes.Error;

        Assert.True(run.ExitCode == ExitCodes.Error, $"{what}: h3yun exited {run.ExitCode}: {run.All}");
        Assert.True(standalone == ExitCodes.Error, $"{what}: the emulator's executable exited {standalone}.");
        Assert.NotEmpty(run.Error);
        run.AssertNoStackTrace();
    }
}
