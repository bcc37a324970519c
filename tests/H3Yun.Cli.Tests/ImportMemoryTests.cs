using System.Diagnostics;
using System.Globalization;
using System.Text;
using H3Yun.Emulator;
using MiniExcelLibs;

namespace H3Yun.Cli.Tests;

/// <summary>
/// A sheet of 1,000,000 rows, imported (a dry run: validated, every key looked up, the plan written) by the built CLI
/// in its own process under a GC heap limit of 256 MB. The import streams the sheet and holds only the key map, about
/// 120 bytes a row; holding the rows themselves runs out of memory there.
/// </summary>
public class ImportMemoryTests
{
    private const int Rows = 1_000_000;
    private const string HeapLimit = "0x10000000"; // 256 MB: docs/write-data-into-h3yun.md states it

    [Theory]
    [InlineData(".csv")]
    [InlineData(".xlsx")]
    public async Task A_million_row_sheet_is_planned_within_a_256_MB_heap(string extension)
    {
        var options = new H3YunEmulatorOptions { EngineCode = "import-memory-" + Guid.NewGuid().ToString("N"), RequestLogLimit = 10 };
        options.SchemaFiles.Add(Cli.RepositorySchema("SalesOrder.h3form.json"));
        await using var emulator = await H3YunEmulator.StartAsync(options);
        using var folder = new TempFolder();
        folder.Write("schemas/SalesOrder.h3form.json", File.ReadAllText(Cli.RepositorySchema("SalesOrder.h3form.json")));
        var file = folder.File("orders" + extension);
        Write(file);

        var (exitCode, output) = await RunAsync(emulator, folder.Path, file);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Read 1,000,000 row(s) from orders{extension}", output, StringComparison.Ordinal);
        Assert.Contains("Plan: 1,000,000 to create, 0 to update, 0 unchanged (2,000 lookup request(s) made", output, StringComparison.Ordinal);
        Assert.Equal(2000, emulator.Requests[^1].Sequence); // ⌈1,000,000 / 500⌉ lookups and nothing else
        var report = File.ReadLines(folder.File("orders.report.csv"), Encoding.UTF8).ToList();
        Assert.Equal(Rows + 1, report.Count);
        Assert.Equal($"{Rows + 1},SO-{Rows - 1},to create,,,", report[^1]);
    }

    private static void Write(string path)
    {
        IEnumerable<Dictionary<string, object>> Orders() => Enumerable.Range(0, Rows).Select(static i => new Dictionary<string, object>
        {
            ["订单编号"] = "SO-" + i.ToString(CultureInfo.InvariantCulture),
            ["金额"] = i * 1.5m,
        });

        if (path.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            MiniExcel.SaveAs(path, Orders(), overwriteFile: true);
            return;
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine("订单编号,金额");
        foreach (var order in Orders())
        {
            writer.Write(order["订单编号"]);
            writer.Write(',');
            writer.WriteLine(((decimal)order["金额"]).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(H3YunEmulator emulator, string folder, string file)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "H3Yun.Cli.dll"), "import", file, "--form", "D000024SalesOrder", "--key", "订单编号",
            "--dry-run", "--requests-per-second", "1000",
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Cli.EnvironmentFor(emulator))
        {
            start.Environment[name] = value;
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = HeapLimit;
        start.Environment["DOTNET_gcServer"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
