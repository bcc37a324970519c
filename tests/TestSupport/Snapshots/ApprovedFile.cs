using System;
using System.IO;
using Xunit;

namespace H3Yun.TestSupport.Snapshots;

/// <summary>
/// Approved-file snapshots: a text must equal <c>&lt;folder&gt;/&lt;name&gt;.approved&lt;extension&gt;</c>. On a
/// difference the text is written beside it as <c>.received&lt;extension&gt;</c>; <c>UPDATE_SNAPSHOTS=1</c> approves
/// it, except under CI or <c>.ci/run</c> (which sets <see cref="RefuseVariable"/>), where a snapshot can only be
/// compared. Texts are compared with LF line endings and one trailing newline.
/// </summary>
internal static class ApprovedFile
{
    /// <summary>Set by <c>.ci/run</c>: approving is refused whatever else the environment says.</summary>
    public const string RefuseVariable = "H3YUN_REFUSE_SNAPSHOT_APPROVAL";

    /// <summary>The comparison, with the folder and the environment given, so that a test can check the refusal.</summary>
    public static void Match(string folder, string name, string extension, string actual, Func<string, string?> environment, Func<string, string>? normalize = null)
    {
        string Normalized(string text) => (normalize ?? (static t => t))(text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n");

        var approvedPath = Path.Combine(folder, name + ".approved" + extension);
        var receivedPath = Path.Combine(folder, name + ".received" + extension);
        var received = Normalized(actual);
        var approved = File.Exists(approvedPath) ? Normalized(File.ReadAllText(approvedPath)) : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        var refused = environment(RefuseVariable) is { Length: > 0 } || environment("CI") is { Length: > 0 };
        if (environment("UPDATE_SNAPSHOTS") == "1" && !refused)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(approvedPath, received);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, received);
        var hint = refused ? "Approving is refused under CI and .ci/run; approve locally and commit the file." : "Review it and rename it, or run with UPDATE_SNAPSHOTS=1.";
        Assert.Fail(approved is null
            ? $"No approved snapshot {approvedPath}. {hint}"
            : $"{FirstDifference(approved, received)}\nReview: diff -u {approvedPath} {receivedPath}\n{hint}");
    }

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
