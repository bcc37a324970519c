using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace H3Yun.TestSupport;

/// <summary>
/// The programs the tests start themselves, found on <c>PATH</c> or where Debian installs them. A missing one fails
/// the test with the Debian package to install, which <c>.ci/run</c> installs, instead of a raw
/// <c>Win32Exception</c> from <c>Process.Start</c> or a hard-coded path that is wrong elsewhere.
/// </summary>
internal static class TestPrograms
{
    /// <summary>Where Debian puts programs, searched after <c>PATH</c> (a service's PATH may leave out the sbin folders).</summary>
    public static readonly IReadOnlyList<string> DebianFolders = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    /// <summary>The Redis server for the fleet-wide rate limit test.</summary>
    public static string RedisServer => Find("redis-server", "redis-server");

    /// <summary>Debian's Chromium for the emulator's browser tests.</summary>
    public static string Chromium => Find("chromium", "chromium");

    /// <summary>Debian's chromedriver, which drives <see cref="Chromium"/>.</summary>
    public static string ChromeDriver => Find("chromedriver", "chromium-driver");

    /// <summary>
    /// A PostgreSQL server program (<c>initdb</c>, <c>pg_ctl</c>): Debian keeps them off PATH, in
    /// <c>/usr/lib/postgresql/VERSION/bin</c> (the newest version is taken), so that folder is searched before PATH.
    /// </summary>
    public static string PostgreSql(string program)
    {
        const string Versions = "/usr/lib/postgresql";
        if (Directory.Exists(Versions))
        {
            var newest = Directory.GetDirectories(Versions)
                .Select(folder => Path.Combine(folder, "bin", program))
                .Where(IsProgram)
                .OrderByDescending(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var version) ? version : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return Find(program, "postgresql");
    }

    /// <summary>The full path of <paramref name="program"/>, or an exception naming the Debian package that has it.</summary>
    public static string Find(string program, string debianPackage) => Find(program, debianPackage, Environment.GetEnvironmentVariable("PATH"));

    /// <summary>As <see cref="Find(string, string)"/>, searching <paramref name="path"/> (a PATH value) before <see cref="DebianFolders"/>.</summary>
    public static string Find(string program, string debianPackage, string? path)
    {
        var folders = (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var names = OperatingSystem.IsWindows() ? new[] { program + ".exe", program } : [program];
        foreach (var folder in folders.Concat(OperatingSystem.IsWindows() ? [] : DebianFolders))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, name);
                if (IsProgram(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            $"This test starts {program}, which is neither on PATH nor in {string.Join(", ", DebianFolders)}. " +
            $"Install Debian's {debianPackage} package: apt-get install -y {debianPackage} (.ci/run installs it).");
    }

    private static bool IsProgram(string file)
    {
        if (!File.Exists(file))
        {
            return false;
        }

        const UnixFileMode Executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & Executable) != 0;
    }
}
