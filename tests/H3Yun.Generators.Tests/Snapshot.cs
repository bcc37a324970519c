using System.Runtime.CompilerServices;

namespace H3Yun.Generators.Tests;

/// <summary>
/// Approved-file snapshots: the generated text must equal <c>Snapshots/&lt;name&gt;.approved.cs</c>. On a difference
/// the new text is written beside it as <c>.received.cs</c>; <c>UPDATE_SNAPSHOTS=1</c> (never under CI) approves it.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots");
        var approvedPath = Path.Combine(folder, name + ".approved.cs");
        var receivedPath = Path.Combine(folder, name + ".received.cs");
        var normalized = Normalize(actual);
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : null;
        if (approved == normalized)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" && Environment.GetEnvironmentVariable("CI") is null)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(approvedPath, normalized);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, normalized);
        Assert.Fail(approved is null
            ? $"No approved snapshot {approvedPath}. Review {receivedPath} and rename it, or run with UPDATE_SNAPSHOTS=1."
            : $"{FirstDifference(approved, normalized)}\nReview: diff -u {approvedPath} {receivedPath}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";

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
}
