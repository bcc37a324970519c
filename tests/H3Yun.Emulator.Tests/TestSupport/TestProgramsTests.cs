using System;
using System.IO;
using H3Yun.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests.TestSupport;

/// <summary>
/// The shared helper (tests/TestSupport/TestPrograms.cs) that finds redis-server, chromium and chromedriver: PATH
/// first, then Debian's folders, and a missing program names the package to install.
/// </summary>
public class TestProgramsTests
{
    [Fact]
    public void A_missing_program_names_the_Debian_package_to_install_and_that_ci_installs_it()
    {
        using var empty = new TempFolder();

        var missing = Assert.Throws<InvalidOperationException>(() => TestPrograms.Find("h3yun-no-such-server", "h3yun-no-such-package", empty.Path));

        Assert.Contains("starts h3yun-no-such-server", missing.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y h3yun-no-such-package", missing.Message, StringComparison.Ordinal);
        Assert.Contains(".ci/run installs it", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_on_PATH_is_found_there_before_Debians_folders_and_a_file_that_cannot_run_is_not()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        var runnable = Program(second, "chromium", executable: true);
        Program(first, "chromium", executable: false);

        var found = TestPrograms.Find("chromium", "chromium", first.Path + Path.PathSeparator + second.Path);

        Assert.Equal(OperatingSystem.IsWindows() ? Path.Combine(first.Path, "chromium") : runnable, found);
    }

    [Fact]
    public void A_program_not_on_PATH_is_found_where_Debian_installs_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var shell = TestPrograms.Find("sh", "dash", path: string.Empty);

        Assert.Contains(Path.GetDirectoryName(shell), TestPrograms.DebianFolders);
    }

    private static string Program(TempFolder folder, string name, bool executable)
    {
        var file = folder.File(name);
        File.WriteAllText(file, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, executable ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return file;
    }
}
