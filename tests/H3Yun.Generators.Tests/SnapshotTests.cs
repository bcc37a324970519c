using H3Yun.Generators;
using H3Yun.TestSupport.Snapshots;

namespace H3Yun.Generators.Tests;

/// <summary>The snapshot helper approves only where a person runs it, and snapshots survive a version bump.</summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("h3y-snapshots-").FullName;

    public SnapshotTests() => File.WriteAllText(Path.Combine(_folder, "S.approved.cs"), "old\n");

    [Theory]
    [InlineData(ApprovedFile.RefuseVariable, "1")]
    [InlineData("CI", "true")]
    public void Approval_is_refused_under_ci_and_ci_run_even_with_update_snapshots(string guard, string value)
    {
        var environment = Environment(("UPDATE_SNAPSHOTS", "1"), (guard, value));

        var failure = Assert.ThrowsAny<Exception>(() => Snapshot.Match(_folder, "S", "new", environment));

        Assert.Contains("refused", failure.Message, StringComparison.Ordinal);
        Assert.Equal("old\n", File.ReadAllText(Path.Combine(_folder, "S.approved.cs")));
        Assert.Equal("new\n", File.ReadAllText(Path.Combine(_folder, "S.received.cs")));
    }

    [Fact]
    public void Update_snapshots_approves_outside_ci()
    {
        Snapshot.Match(_folder, "S", "new", Environment(("UPDATE_SNAPSHOTS", "1")));

        Assert.Equal("new\n", File.ReadAllText(Path.Combine(_folder, "S.approved.cs")));
    }

    [Fact]
    public void A_difference_fails_without_approving()
    {
        Assert.ThrowsAny<Exception>(() => Snapshot.Match(_folder, "S", "new", Environment()));

        Assert.Equal("old\n", File.ReadAllText(Path.Combine(_folder, "S.approved.cs")));
    }

    [Fact]
    public void The_generator_version_is_normalised_in_snapshots_and_emitted_for_real()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.RepositorySchema("Customer.h3form.json"));
        var source = run.Source("D000024Customer.g.cs");
        var version = typeof(H3FormGenerator).Assembly.GetName().Version!.ToString(3);

        Assert.Contains($"GeneratedCode(\"H3Yun.Generators\", \"{version}\")", source, StringComparison.Ordinal);
        Assert.DoesNotContain(version, Snapshot.Normalize(source), StringComparison.Ordinal);
        Assert.Contains("GeneratedCode(\"H3Yun.Generators\", \"{version}\")", Snapshot.Normalize(source), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
