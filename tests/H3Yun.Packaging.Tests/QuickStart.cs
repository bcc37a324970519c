using System.Text.RegularExpressions;

namespace H3Yun.Packaging.Tests;

/// <summary>The README's quick start, as a user copies it: the schema file and Program.cs, character for character.</summary>
internal static partial class QuickStart
{
    private static readonly Lazy<string> Section = new(() =>
    {
        var readme = File.ReadAllText(Path.Combine(PackedFeed.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("\n## Quick start\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "The README has no '## Quick start' section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    });

    /// <summary>The schema file the quick start saves as <c>schemas/SalesOrder.h3form.json</c>.</summary>
    public static string Schema => Block("json");

    /// <summary>The Program.cs the quick start writes.</summary>
    public static string Program => Block("csharp");

    /// <summary>Makes a fresh project as the quick start says: <c>dotnet new console</c>, the package, the two files.</summary>
    public static async Task<string> CreateProjectAsync(PackedFeed feed, string name, string framework, params string[] packages)
    {
        var project = Path.Combine(feed.Consumers, name);
        (await Processes.DotnetAsync(feed.Consumers, "new", "console", "-o", name, "--no-restore")).ShouldSucceed();
        if (framework != "net10.0")
        {
            // The SDK's template offers only its own framework; a user edits the one line, as done here.
            var file = Path.Combine(project, name + ".csproj");
            var text = await File.ReadAllTextAsync(file);
            Assert.Contains("<TargetFramework>net10.0</TargetFramework>", text, StringComparison.Ordinal);
            await File.WriteAllTextAsync(file, text.Replace("<TargetFramework>net10.0</TargetFramework>", $"<TargetFramework>{framework}</TargetFramework>", StringComparison.Ordinal));
        }

        foreach (var package in packages.Prepend("H3Yun.Generators"))
        {
            (await Processes.DotnetAsync(project, "add", "package", package, "--version", feed.Version)).ShouldSucceed();
        }

        Directory.CreateDirectory(Path.Combine(project, "schemas"));
        await File.WriteAllTextAsync(Path.Combine(project, "schemas", "SalesOrder.h3form.json"), Schema);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), Program);
        return project;
    }

    /// <summary>Builds as CI would, every compiler warning an error.</summary>
    public static async Task<ProcessResult> BuildAsync(string project) =>
        (await Processes.DotnetAsync(project, "build", "-p:TreatWarningsAsErrors=true", "-p:UseSharedCompilation=true", "-nodeReuse:false")).ShouldSucceed();

    private static string Block(string language)
    {
        var match = Regex.Match(Section.Value, "```" + language + "\n(.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, $"The quick start has no ```{language} block.");
        return match.Groups[1].Value;
    }
}
