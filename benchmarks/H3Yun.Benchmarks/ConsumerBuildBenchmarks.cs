using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace H3Yun.Benchmarks;

/// <summary>
/// What a large app costs at <c>dotnet build</c>: a console project with <see cref="SchemaCorpus"/> (200 forms ×
/// 60 fields) and one that has no forms, both referencing the runtime and the generator as the sample does, built
/// cold (its <c>obj/</c> and <c>bin/</c> outputs deleted, restore kept, the build server warm as on a developer's
/// machine) and again with nothing changed. The project without forms is the baseline: the ratio is what the forms
/// add to a build the user pays anyway. Each invocation is one real build, so it runs a few times only.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
[MinColumn]
[MedianColumn]
public class ConsumerBuildBenchmarks
{
    private static readonly string Repository = FindRepository();

    private readonly string _root = Path.Combine(Path.GetTempPath(), "h3yun-consumer-build-" + Guid.NewGuid().ToString("N")[..8]);

    private string WithForms => Path.Combine(_root, "WithForms");

    private string WithoutForms => Path.Combine(_root, "WithoutForms");

    [GlobalSetup]
    public void Setup()
    {
        CreateProject(WithoutForms, []);
        CreateProject(WithForms, SchemaCorpus.Create());
        foreach (var project in new[] { WithoutForms, WithForms })
        {
            // Restores and builds the referenced runtime and generator once; every measured build skips them.
            Build(project, "-p:BuildProjectReferences=true");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [IterationSetup(Targets = [nameof(ColdWithoutForms)])]
    public void CleanWithoutForms() => Clean(WithoutForms);

    [IterationSetup(Targets = [nameof(ColdWithForms)])]
    public void CleanWithForms() => Clean(WithForms);

    [Benchmark(Baseline = true, Description = "cold build, no forms")]
    public void ColdWithoutForms() => Build(WithoutForms);

    [Benchmark(Description = "cold build, 200 forms × 60 fields")]
    public void ColdWithForms() => Build(WithForms);

    [Benchmark(Description = "no-op build, 200 forms × 60 fields")]
    public void NoOpWithForms() => Build(WithForms);

    private static void CreateProject(string folder, IReadOnlyList<(string Path, string Text)> schemas)
    {
        Directory.CreateDirectory(folder);
        var build = Path.Combine(Repository, "generator", "H3Yun.Generators", "build", "H3Yun.Generators");
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{build}.props" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(Repository, "runtime", "H3Yun.Runtime", "H3Yun.Runtime.csproj")}" />
                <ProjectReference Include="{Path.Combine(Repository, "generator", "H3Yun.Generators", "H3Yun.Generators.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
              <Import Project="{build}.targets" />
            </Project>
            """);
        // Outside the repository, so that its Directory.Build.props and package versions do not apply.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Program.cs"), "System.Console.WriteLine(typeof(H3Yun.H3YunClient).Name);\n");
        foreach (var (path, text) in schemas)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }
    }

    private static void Clean(string project)
    {
        foreach (var output in new[] { Path.Combine(project, "bin"), Path.Combine(project, "obj", "Debug") })
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static void Build(string project, string references = "-p:BuildProjectReferences=false")
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "build", "-nologo", "-v:q", "-p:TreatWarningsAsErrors=true", references })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build of {project} failed ({process.ExitCode}):\n{output.Result}\n{error}");
        }
    }

    private static string FindRepository()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "H3Yun.Generators.sln")))
        {
            folder = Path.GetDirectoryName(folder.TrimEnd(Path.DirectorySeparatorChar))
                ?? throw new InvalidOperationException("Run the benchmarks from inside the repository: no H3Yun.Generators.sln above " + AppContext.BaseDirectory);
        }

        return folder;
    }
}
