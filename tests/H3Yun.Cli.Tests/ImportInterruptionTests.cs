using H3Yun.Emulator;
using H3Yun.OpenApi;
using static H3Yun.Cli.Tests.ImportTests;

namespace H3Yun.Cli.Tests;

/// <summary>
/// An import interrupted while it runs: cancelled during a write, or its file changed by someone else between its
/// readings. Each ends with a message that says what was written and to run the same command again, and the next run
/// finishes without a duplicate.
/// </summary>
public sealed class ImportInterruptionTests
{
    [Fact]
    public async Task A_cancel_during_a_write_says_to_run_again_and_the_next_run_creates_nothing_twice()
    {
        await using var import = await ImportSite.StartAsync();
        var file = import.Xlsx("orders.xlsx", Orders(3));
        import.Emulator.Faults.Enqueue(EmulatorFault.ApplyThenDelay(TimeSpan.FromSeconds(10)), OpenApiActions.CreateBizObjects);
        using var cancel = new CancellationTokenSource();
        var output = new WhenWritten("Plan: ", () => cancel.CancelAfter(TimeSpan.FromSeconds(1))); // the create is on its way by then

        var cancelled = await import.RunAsync(output, new StringWriter(), file, cancel.Token);
        var again = await import.RunAsync(file);

        Assert.Equal(ExitCodes.Error, cancelled.ExitCode);
        Assert.Contains("h3yun: Cancelled. Whatever was on its way is found by the next run: run the same command again to finish.", cancelled.Error, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("Plan: 0 to create, 0 to update, 3 unchanged", again.Output, StringComparison.Ordinal);
        Assert.Equal(3, import.Emulator.Count("D000024SalesOrder"));
    }

    [Fact]
    public async Task A_file_broken_after_its_check_stops_the_import_before_any_write()
    {
        await using var import = await ImportSite.StartAsync();
        var file = import.Xlsx("orders.xlsx", Orders(3));
        var error = new WhenWritten("Read 3 row(s)", () => File.WriteAllText(file, "no longer a workbook"));

        var run = await import.RunAsync(new StringWriter(), error, file, CancellationToken.None);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("h3yun: orders.xlsx changed during the import (", run.Error, StringComparison.Ordinal);
        Assert.Contains("). Nothing was written; run the command again once nothing else writes the file.", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, import.Writes());
    }

    [Fact]
    public async Task A_file_broken_after_the_plan_stops_the_writes_and_the_next_run_finishes()
    {
        await using var import = await ImportSite.StartAsync();
        var rows = Orders(3);
        var file = import.Xlsx("orders.xlsx", rows);
        var output = new WhenWritten("Plan: ", () => File.WriteAllText(file, "no longer a workbook"));

        var broken = await import.RunAsync(output, new StringWriter(), file, CancellationToken.None);
        var again = await import.RunAsync(import.Xlsx("orders.xlsx", rows));

        Assert.Equal(ExitCodes.Error, broken.ExitCode);
        Assert.Contains("h3yun: orders.xlsx changed during the import (", broken.Error, StringComparison.Ordinal);
        Assert.Contains("). The rows written so far are found by the next run: run the same command again once nothing else writes the file.", broken.Error, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Equal(3, import.Emulator.Count("D000024SalesOrder"));
    }

    /// <summary>Standard output or error that runs an action once, when a line starting with a text is written.</summary>
    private sealed class WhenWritten(string start, Action action) : StringWriter
    {
        private bool _done;

        public override void Write(string? value)
        {
            base.Write(value);
            Fire(value);
        }

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            Fire(value);
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        private void Fire(string? value)
        {
            if (!_done && value is not null && value.StartsWith(start, StringComparison.Ordinal))
            {
                _done = true;
                action();
            }
        }
    }
}
