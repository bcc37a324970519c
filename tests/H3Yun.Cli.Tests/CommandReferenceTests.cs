using H3Yun.TestSupport.CommandLine;

namespace H3Yun.Cli.Tests;

/// <summary>
/// docs/cli-reference.md lists every command, argument and option of h3yun as the tool itself defines them: which are
/// required, their defaults and their help. A change to the tool's surface fails here until the page shows it; run with
/// <c>H3YUN_ACCEPT_CLI_REFERENCE=1</c> to rewrite the page's listing, then read the diff.
/// </summary>
public class CommandReferenceTests
{
    [Fact]
    public void The_reference_page_lists_every_command_and_option_as_the_tool_defines_them()
    {
        var (page, text, start, end) = CommandListing.ReferencePage();
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, static _ => null, Path.GetTempPath(), OutputIsTerminal: false);
        var listing = CommandListing.Of(CliApp.Create(console));

        if (Environment.GetEnvironmentVariable("H3YUN_ACCEPT_CLI_REFERENCE") == "1")
        {
            File.WriteAllText(page, text[..start] + listing + text[end..]);
        }

        Assert.Equal(listing, text[start..end]);
    }

    [Fact]
    public async Task A_required_option_left_out_is_named_before_anything_runs()
    {
        var run = await Cli.RunAsync(Path.GetTempPath(), new Dictionary<string, string?>(), "import", "orders.xlsx");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("h3yun: Option '--form' is required.", run.Error, StringComparison.Ordinal);
        Assert.Contains("h3yun: Option '--key' is required.", run.Error, StringComparison.Ordinal);
    }
}
