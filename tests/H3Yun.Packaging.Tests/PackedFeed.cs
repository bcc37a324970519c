using System.Diagnostics;
using System.Globalization;

namespace H3Yun.Packaging.Tests;

/// <summary>
/// One `dotnet pack` per test run, shared by every packaging test: the repository's files (tracked and new, as
/// `git ls-files` lists them) are copied into a temp folder and committed to a fresh git repository whose origin
/// is a GitHub address, as a clone on a fresh machine would be, then packed in Release into a folder feed with a
/// version of this run's own, so that NuGet's caches can never hand a test a package of an earlier run. Consumer
/// projects live beside it, under a NuGet.config that adds the feed to the machine's sources (the mirror), keeps
/// extracted packages in the temp folder and reads the machine's package folder as a fallback, so that nothing is
/// downloaded twice and nothing of this run stays behind.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    /// <summary>The stand-in origin of the copy, so that SourceLink and the nuspec's repository can be checked.</summary>
    public const string Origin = "https://github.com/h3yun-generators/h3yun-generators";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "h3yun-packaging-" + Guid.NewGuid().ToString("N")[..12]);

    public string Source => Path.Combine(Root, "src");

    public string Feed => Path.Combine(Root, "feed");

    /// <summary>Where fresh projects are made: its NuGet.config is the feed plus the machine's sources.</summary>
    public string Consumers => Path.Combine(Root, "consumers");

    public string Version { get; } = "0.1.0-pack." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public string Commit { get; private set; } = "";

    public TimeSpan PackTime { get; private set; }

    public static string RepositoryRoot
    {
        get
        {
            var folder = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(folder, "H3Yun.Generators.sln")))
            {
                folder = Path.GetDirectoryName(folder.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
            }

            return folder;
        }
    }

    private Task<string>? _tool;

    /// <summary>The <c>h3yun</c> tool, installed from the feed into a folder once per run; its path.</summary>
    public Task<string> ToolAsync() => _tool ??= InstallToolAsync();

    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Source);
        await CopyRepositoryAsync();
        await GitAsync("init", "-q");
        await GitAsync("add", "-A");
        await GitAsync("-c", "user.name=packaging-tests", "-c", "user.email=packaging-tests@localhost", "commit", "-q", "-m", "snapshot");
        await GitAsync("remote", "add", "origin", Origin + ".git");
        Commit = (await Processes.RunAsync("git", ["rev-parse", "HEAD"], Source)).ShouldSucceed().Output.Trim();

        // The README's command, in Release, with this run's version.
        var watch = Stopwatch.StartNew();
        (await Processes.RunAsync("dotnet", ["pack", "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-p:UseSharedCompilation=true"], Source, timeout: TimeSpan.FromMinutes(15))).ShouldSucceed();
        PackTime = watch.Elapsed;

        Directory.CreateDirectory(Consumers);
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        await File.WriteAllTextAsync(Path.Combine(Consumers, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
              </config>
              <fallbackPackageFolders>
                <add key="machine" value="{machinePackages}" />
              </fallbackPackageFolders>
              <packageSources>
                <add key="h3yun-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is the system's to clear then.
        }

        return Task.CompletedTask;
    }

    private async Task<string> InstallToolAsync()
    {
        var tools = Path.Combine(Consumers, "tools");
        (await Processes.DotnetAsync(Consumers, "tool", "install", "H3Yun.Cli", "--version", Version, "--tool-path", tools)).ShouldSucceed();
        return Path.Combine(tools, "h3yun");
    }

    private async Task CopyRepositoryAsync()
    {
        var root = RepositoryRoot;
        var listed = (await Processes.RunAsync("git", ["ls-files", "-co", "--exclude-standard", "-z"], root)).ShouldSucceed().Output;
        foreach (var file in listed.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim('\r', '\n')))
        {
            var from = Path.Combine(root, file);
            if (!File.Exists(from))
            {
                continue; // deleted in the working tree
            }

            var to = Path.Combine(Source, file);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
        }
    }

    private async Task GitAsync(params string[] arguments) => (await Processes.RunAsync("git", arguments, Source)).ShouldSucceed();
}

[CollectionDefinition(Name)]
public sealed class PackagesGroup : ICollectionFixture<PackedFeed>
{
    public const string Name = "Packages";
}
