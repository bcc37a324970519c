using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using H3Yun.TestSupport.Snapshots;

namespace H3Yun.Generators.Tests;

/// <summary>
/// The generated text must equal <c>Snapshots/&lt;name&gt;.approved.cs</c> (see <see cref="ApprovedFile"/> for how a
/// change is approved). The generator's version is replaced by <c>{version}</c>, so that a release does not change
/// every snapshot.
/// </summary>
internal static partial class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "") =>
        Match(Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots"), name, actual, Environment.GetEnvironmentVariable);

    /// <summary>The comparison, with the folder and the environment given, so that a test can check the refusal.</summary>
    public static void Match(string folder, string name, string actual, Func<string, string?> environment) =>
        ApprovedFile.Match(folder, name, ".cs", actual, environment, Normalize);

    /// <summary>The generator's version as <c>{version}</c>.</summary>
    public static string Normalize(string text) =>
        GeneratedCodeVersion().Replace(text, "GeneratedCode(\"H3Yun.Generators\", \"{version}\")");

    [GeneratedRegex("""GeneratedCode\("H3Yun\.Generators", "[^"]*"\)""")]
    private static partial Regex GeneratedCodeVersion();
}
