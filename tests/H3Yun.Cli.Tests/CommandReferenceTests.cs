using System.CommandLine;
using System.Text;

namespace H3Yun.Cli.Tests;

/// <summary>
/// docs/cli-reference.md lists every command, argument and option of h3yun as the tool itself defines them: which are
/// required, their defaults and their help. A change to the tool's surface fails here until the page shows it; run with
/// <c>H3YUN_ACCEPT_CLI_REFERENCE=1</c> to rewrite the page's listing, then read the diff.
/// </summary>
public class CommandReferenceTests
{
    private const string Fence = "```text";

    [Fact]
    public void The_reference_page_lists_every_command_and_option_as_the_tool_defines_them()
    {
        var page = Path.Combine(RepositoryRoot(), "docs", "cli-reference.md");
        var text = File.ReadAllText(page).ReplaceLineEndings("\n");
        var start = text.IndexOf(Fence + "\n", StringComparison.Ordinal) + Fence.Length + 1;
        var end = text.IndexOf("\n```", start - 1, StringComparison.Ordinal) + 1;
        Assert.True(start > Fence.Length && end >= start, "docs/cli-reference.md has no ```text block to hold the listing.");
        var listing = Listing();

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

    /// <summary>Each command on a line of its own, then its description, arguments and options, indented.</summary>
    private static string Listing()
    {
        var listing = new StringBuilder();
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, static _ => null, Path.GetTempPath(), OutputIsTerminal: false);
        Append(listing, CliApp.Create(console), "");
        return listing.ToString();
    }

    private static void Append(StringBuilder listing, Command command, string parent)
    {
        var path = (parent + " " + command.Name).Trim();
        listing.Append(parent.Length == 0 ? "" : "\n").Append(path).Append('\n');
        Line(listing, "    ", command.Description);
        foreach (var argument in command.Arguments)
        {
            listing.Append("  ").Append(argument.Name).Append(" <").Append(argument.ValueType.Name).Append(">\n");
            Line(listing, "      ", argument.Description);
        }

        foreach (var option in command.Options.Where(static o => !o.Hidden))
        {
            listing.Append("  ").Append(string.Join(", ", new[] { option.Name }.Concat(option.Aliases.Order(StringComparer.Ordinal))));
            if (option.ValueType != typeof(void))
            {
                listing.Append(" <").Append(option.ValueType.Name).Append('>');
            }

            if (option.Required)
            {
                listing.Append(" required");
            }

            if (option.HasDefaultValue && option.GetDefaultValue() is { } value && value is not false && !(value is Array { Length: 0 }))
            {
                listing.Append(" default ").Append(value is Array array ? string.Join(" ", array.Cast<object>()) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }

            listing.Append('\n');

            Line(listing, "      ", option.Description);
        }

        foreach (var subcommand in command.Subcommands)
        {
            Append(listing, subcommand, path);
        }
    }

    private static void Line(StringBuilder listing, string indent, string? description)
    {
        if (!string.IsNullOrWhiteSpace(description))
        {
            listing.Append(indent).Append(description.ReplaceLineEndings(" ")).Append('\n');
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "H3Yun.Generators.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The tests run outside the repository: no H3Yun.Generators.sln above " + AppContext.BaseDirectory);
    }
}
