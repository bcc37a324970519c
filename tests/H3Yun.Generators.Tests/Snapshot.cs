using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace H3Yun.Generators.Tests;

/// <summary>
/// Approved-file snapshots: the generated text must equal <c>Snapshots/&lt;name&gt;.approved.cs</c>. On a difference
/// the new text is written beside it as <c>.received.cs</c>; <c>UPDATE_SNAPSHOTS=1</c> approves it, except under CI
/// or <c>.ci/run</c> (which sets <see cref="RefuseVariable"/>), where a snapshot can only be compared. The
/// generator's version is replaced by <c>{version}</c>, so that a release does not change every snapshot.
/// </summary>
internal static partial class Snapshot
{
    /// <summary>Set by <c>.ci/run</c>: approving is refused whatever else the environment says.</summary>
    public const string RefuseVariable = "H3YUN_REFUSE_SNAPSHOT_APPROVAL";

    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "") =>
        Match(Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots"), name, actual, Environment.GetEnvironmentVariable);

    /// <summary>The comparison, with the folder and the environment given, so that a test can check the refusal.</summary>
    public static void Match(string folder, string name, string actual, Func<string, string?> environment)
    {
        var approvedPath = Path.Combine(folder, name + ".approved.cs");
        var receivedPath = Path.Combine(folder, name + ".received.cs");
        var normalized = Normalize(actual);
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : null;
        if (approved == normalized)
        {
            File.Delete(receivedPath);
            return;
        }

        var refused = environment(RefuseVariable) is { Length: > 0 } || environment("CI") is { Length: > 0 };
        if (environment("UPDATE_SNAPSHOTS") == "1" && !refused)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(approvedPath, normalized);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, normalized);
        var hint = refused ? "Approving is refused under CI and .ci/run; approve locally and commit the file." : "Review it and rename it, or run with UPDATE_SNAPSHOTS=1.";
        Assert.Fail(approved is null
            ? $"No approved snapshot {approvedPath}. {hint}"
            : $"{FirstDifference(approved, normalized)}\nReview: diff -u {approvedPath} {receivedPath}\n{hint}");
    }

    /// <summary>LF line endings, one trailing newline, and the generator's version as <c>{version}</c>.</summary>
    public static string Normalize(string text) =>
        GeneratedCodeVersion().Replace(text.Replace("\r\n", "\n").TrimEnd('\n') + "\n", "GeneratedCode(\"H3Yun.Generators\", \"{version}\")");

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right)
            {
                return $"Line {i + 1} differs.\n  approved: {left}\n  received: {right}";
            }
        }

        return "The texts differ.";
    }

    [GeneratedRegex("""GeneratedCode\("H3Yun\.Generators", "[^"]*"\)""")]
    private static partial Regex GeneratedCodeVersion();
}
