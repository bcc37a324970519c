using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace H3Yun.Generators.Tests.Docs;

/// <summary>
/// What the docs show is what works: every C# block of every page compiles (or, where a page shows a mistake, gets
/// exactly the diagnostic it names), every relative link leads somewhere, and no page or file cites a document a
/// reader of the repository cannot open.
/// </summary>
public partial class DocsTests
{
    public static TheoryData<string, int> CSharpBlocks()
    {
        var blocks = new TheoryData<string, int>();
        foreach (var file in MarkdownFiles.All)
        {
            foreach (var block in MarkdownFiles.Blocks(file).Where(b => IsCSharp(b.Info)))
            {
                blocks.Add(file, block.Line);
            }
        }

        return blocks;
    }

    [Fact]
    public void The_docs_have_csharp_blocks_in_the_readme_and_the_pages_and_only_known_info_strings()
    {
        var blocks = CSharpBlocks().Select(row => (string)row[0]).ToArray();

        Assert.Contains("README.md", blocks);
        Assert.True(blocks.Length >= 40, $"only {blocks.Length} C# blocks were found");
        var unknown = MarkdownFiles.All.SelectMany(file => MarkdownFiles.Blocks(file).Select(b => (file, b.Line, b.Info)))
            .Where(b => b.Info.StartsWith("c#", StringComparison.OrdinalIgnoreCase) || b.Info.StartsWith("cs ", StringComparison.OrdinalIgnoreCase) || b.Info is "cs" or "C#")
            .ToArray();
        Assert.True(unknown.Length == 0, "blocks marked as C# in a way the test does not compile: " + string.Join(", ", unknown.Select(b => $"{b.file}:{b.Line}")));
    }

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public void Every_csharp_block_compiles(string file, int line)
    {
        var (info, _, code) = MarkdownFiles.Blocks(file).Single(b => b.Line == line);
        var expected = Expect().Match(info) is { Success: true } m ? m.Groups[1].Value.Split(',') : [];

        var diagnostics = SnippetCompiler.Compile(code, file, line);

        // A page that shows a mistake names the H3Y diagnostic it gets; the compiler's errors that follow from it
        // (a partial property left without a body, say) are not the page's point and are not listed.
        var ours = diagnostics.Where(d => expected.Length == 0 || d.Id.StartsWith("H3Y", StringComparison.Ordinal)).ToArray();
        var unexpected = ours.Where(d => !expected.Contains(d.Id)).ToArray();
        var found = ours.Select(d => d.Id).Distinct().Order().ToArray();
        Assert.True(
            unexpected.Length == 0 && expected.Order().SequenceEqual(found),
            $"{file}:{line} should compile{(expected.Length > 0 ? " with exactly " + string.Join(", ", expected) : "")}, but got:\n"
            + string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public void Every_relative_link_leads_to_a_file_and_every_anchor_to_a_heading()
    {
        var broken = new List<string>();
        foreach (var file in MarkdownFiles.All)
        {
            var text = WithoutCode(MarkdownFiles.Read(file));
            foreach (Match link in Link().Matches(text))
            {
                var target = link.Groups["target"].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var (path, anchor) = target.IndexOf('#') is var hash and >= 0 ? (target[..hash], target[(hash + 1)..]) : (target, null);
                var resolved = path.Length == 0 ? file : Path.GetRelativePath(MarkdownFiles.Root, Path.GetFullPath(Path.Combine(MarkdownFiles.Root, Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)))).Replace('\\', '/');
                var full = Path.Combine(MarkdownFiles.Root, resolved);
                if (!File.Exists(full) && !Directory.Exists(full))
                {
                    broken.Add($"{file}: ({target}) names no file");
                }
                else if (anchor is { Length: > 0 } && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(resolved).Contains(anchor))
                {
                    broken.Add($"{file}: ({target}) names no heading of {resolved}");
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public void No_file_in_the_repository_cites_a_document_outside_it()
    {
        string[] extensions = [".cs", ".md", ".json", ".props", ".targets", ".csproj", ".sh", ".txt", ".yml", ".xml"];
        var citing = Directory.EnumerateFiles(MarkdownFiles.Root, "*", SearchOption.AllDirectories)
            .Where(path => extensions.Contains(Path.GetExtension(path)) || Path.GetFileName(path) == "run")
            .Select(path => Path.GetRelativePath(MarkdownFiles.Root, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj" or "StrykerOutput" or "BenchmarkDotNet.Artifacts" || (part.StartsWith('.') && part != ".ci")))
            .Where(path => path != "tests/H3Yun.Generators.Tests/Docs/DocsTests.cs")
            .Where(path => OutsideCitation().IsMatch(File.ReadAllText(Path.Combine(MarkdownFiles.Root, path))))
            .ToArray();

        Assert.True(citing.Length == 0, "these cite a document outside the repository: " + string.Join(", ", citing));
    }

    private static bool IsCSharp(string info) => info == "csharp" || info.StartsWith("csharp ", StringComparison.Ordinal);

    // GitHub's heading anchors: lower case, punctuation but '-' and '_' dropped, spaces to '-', repeats numbered.
    private static HashSet<string> Anchors(string file)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(CodeBlock().Replace(MarkdownFiles.Read(file), string.Empty)))
        {
            var slug = new StringBuilder();
            foreach (var c in heading.Groups[1].Value.Trim().ToLowerInvariant())
            {
                if (c == ' ')
                {
                    slug.Append('-');
                }
                else if (char.IsLetterOrDigit(c) || c is '-' or '_' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter)
                {
                    slug.Append(c);
                }
            }

            var name = slug.ToString();
            for (var n = 1; !anchors.Add(name); n++)
            {
                name = $"{slug}-{n}";
            }
        }

        foreach (Match explicitAnchor in HtmlAnchor().Matches(MarkdownFiles.Read(file)))
        {
            anchors.Add(explicitAnchor.Groups[1].Value);
        }

        return anchors;
    }

    private static string WithoutCode(string markdown) => InlineCode().Replace(CodeBlock().Replace(markdown, string.Empty), string.Empty);

    [GeneratedRegex(@"expect=([A-Z0-9,]+)")]
    private static partial Regex Expect();

    [GeneratedRegex(@"(?<!!)\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"<a\s+(?:id|name)=""([^""]+)""")]
    private static partial Regex HtmlAnchor();

    [GeneratedRegex(@"^\s*```.*?^\s*```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`\n]+`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\.\./shared|reference[ ]§|h3yun-openapi\.md|engineering-notes\.md")]
    private static partial Regex OutsideCitation();
}
