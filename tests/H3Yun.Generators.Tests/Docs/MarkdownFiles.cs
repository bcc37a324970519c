using System.Text.RegularExpressions;

namespace H3Yun.Generators.Tests.Docs;

/// <summary>The repository's Markdown pages and the fenced code blocks in them.</summary>
internal static partial class MarkdownFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every Markdown file a user or contributor reads, relative to the root, with '/' separators.</summary>
    public static IReadOnlyList<string> All { get; } = Directory
        .EnumerateFiles(Root, "*.md", SearchOption.AllDirectories)
        .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
        .Where(path => !path.Split('/').Any(part => part is "bin" or "obj" or "node_modules" or "StrykerOutput" or "BenchmarkDotNet.Artifacts" || part.StartsWith('.')))
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath)).ReplaceLineEndings("\n");

    /// <summary>The fenced blocks of a page: the info string after the fence, the 1-based line of the fence, the text.</summary>
    public static IEnumerable<(string Info, int Line, string Code)> Blocks(string relativePath)
    {
        var lines = Read(relativePath).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != fence.Groups["ticks"].Value; i++)
            {
                body.Add(lines[i]);
            }

            yield return (fence.Groups["info"].Value.Trim(), start + 1, string.Join("\n", body));
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "H3Yun.Generators.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\s*(?<ticks>```+)(?<info>[^`]*)$")]
    private static partial Regex Fence();
}
