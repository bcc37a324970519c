using System.Text.RegularExpressions;

namespace H3Yun.Packaging.Tests;

/// <summary>
/// The quick start in a fresh project published as a trimmed and as a Native AOT application, as a service that
/// starts fast would be: the publish reports no trimming or AOT warning (every warning an error), and the published
/// binary runs the quick start, with the client resolved from dependency injection, against <c>h3yun emulator</c>
/// in its own process.
/// </summary>
[Collection(PackagesGroup.Name)]
public class NativeAotTests(PackedFeed feed)
{
    /// <summary>What the published programs run first: the client and a generated repository from dependency injection.</summary>
    private const string FromDependencyInjection = """
        using Microsoft.Extensions.DependencyInjection;

        var services = new ServiceCollection();
        services.AddH3Yun(configured =>
        {
            var environment = H3YunClientOptions.FromEnvironment() ?? throw new InvalidOperationException("Set H3YUN_ENGINE_CODE and H3YUN_ENGINE_SECRET.");
            configured.BaseAddress = environment.BaseAddress;
            configured.EngineCode = environment.EngineCode;
            configured.EngineSecret = environment.EngineSecret;
        });
        await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
        {
            var repository = provider.GetRequiredService<SalesOrderRepository>();
            var none = await repository.QueryAsync(SalesOrder.Where.OrderNumber.EqualTo("none"));
            Console.WriteLine($"from dependency injection: {none.Items.Count} order(s) named none");
        }

        """;

    [Theory]
    [InlineData("PublishAot")]
    [InlineData("PublishTrimmed")]
    public async Task The_quick_start_publishes_without_warnings_and_its_binary_runs_against_the_emulator(string publishMode)
    {
        var name = "QuickStart" + publishMode;
        var project = await QuickStart.CreateProjectAsync(feed, name, "net10.0");
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), FromDependencyInjection + QuickStart.Program);
        await SetPropertiesAsync(Path.Combine(project, name + ".csproj"), publishMode == "PublishAot"
            ? "<PublishAot>true</PublishAot>"
            : "<PublishTrimmed>true</PublishTrimmed><SelfContained>true</SelfContained>");

        var output = Path.Combine(project, "published");
        var publish = (await Processes.RunAsync(
            "dotnet",
            ["publish", "-c", "Release", "-r", "linux-x64", "-o", output, "-p:TreatWarningsAsErrors=true", "-p:TrimmerSingleWarn=false", "-p:UseSharedCompilation=true", "-nodeReuse:false"],
            project,
            timeout: TimeSpan.FromMinutes(15))).ShouldSucceed();

        Assert.DoesNotMatch(new Regex(@"warning (IL|CS)\d+", RegexOptions.IgnoreCase), publish.Output);
        var binary = Path.Combine(output, name);
        Assert.True(File.Exists(binary), $"No published binary at {binary}:\n{publish.Output}");
        // Native AOT leaves no IL to run; the trimmed build runs its own trimmed copy of the assemblies.
        Assert.Equal(publishMode != "PublishAot", File.Exists(Path.Combine(output, name + ".dll")));
        Assert.Equal(publishMode != "PublishAot", File.Exists(Path.Combine(output, "H3Yun.Runtime.dll")));

        using var emulator = await ToolEmulator.StartAsync(await feed.ToolAsync(), Path.Combine(project, "schemas"));
        var run = (await Processes.RunAsync(binary, [], project, emulator.Environment)).ShouldSucceed();

        Assert.Contains("from dependency injection: 0 order(s) named none", run.Output, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^1 unpaid order\(s\) over 50\s*$", RegexOptions.Multiline), run.Output);
        Assert.Matches(new Regex(@"^0 unpaid order\(s\) over 50 after paying SO-1\s*$", RegexOptions.Multiline), run.Output);
        Assert.Matches(new Regex(@"^SO-1\s*$", RegexOptions.Multiline), run.Output);
    }

    private static async Task SetPropertiesAsync(string projectFile, string properties)
    {
        var text = await File.ReadAllTextAsync(projectFile);
        Assert.Contains("</PropertyGroup>", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(projectFile, text.Replace("</PropertyGroup>", properties + "</PropertyGroup>", StringComparison.Ordinal));
    }
}
