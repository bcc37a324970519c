using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;

namespace H3Yun.TestSupport.CommandLine;

/// <summary>
/// A command as docs/cli-reference.md lists it: each command on a line of its own, then its description, arguments
/// and options with their types, whether they are required, their defaults and their help, indented. The CLI's tests
/// compare the whole page with <c>h3yun</c>; the emulator's compare its part with the command they build.
/// </summary>
internal static class CommandListing
{
    public const string Fence = "```text";

    /// <summary>The listing of <paramref name="command"/> and its subcommands, under <paramref name="parent"/>.</summary>
    public static string Of(Command command, string parent = "")
    {
        var listing = new StringBuilder();
        Append(listing, command, parent);
        return listing.ToString();
    }

    /// <summary>The text of the reference page's listing block.</summary>
    public static (string Page, string Text, int Start, int End) ReferencePage()
    {
        var page = Path.Combine(RepositoryRoot(), "docs", "cli-reference.md");
        var text = File.ReadAllText(page).ReplaceLineEndings("\n");
        var start = text.IndexOf(Fence + "\n", StringComparison.Ordinal) + Fence.Length + 1;
        var end = text.IndexOf("\n```", start - 1, StringComparison.Ordinal) + 1;
        if (start <= Fence.Length || end < start)
        {
            throw new InvalidOperationException("docs/cli-reference.md has no ```text block to hold the listing.");
        }

        return (page, text, start, end);
    }

    private static void Append(StringBuilder listing, Command command, string parent)
    {
        var path = (parent + " " + command.Name).Trim();
        listing.Append(listing.Length == 0 ? "" : "\n").Append(path).Append('\n');
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
