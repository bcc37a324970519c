using H3Yun.Cli.Export;
using H3Yun.Spreadsheets;
using H3Yun.Sync;

namespace H3Yun.Cli.Tests;

/// <summary>
/// <c>h3yun export</c>'s own parts: the times <c>--since</c> reads, its progress lines, what it prints when done, and a
/// message for each thing that stops it, with no file written.
/// </summary>
public class ExportCommandTests
{
    [Theory]
    [InlineData("2026-01-05", "2026-01-05 00:00:00")]
    [InlineData(" 2026-1-5 ", "2026-01-05 00:00:00")]
    [InlineData("2026-01-05 8:05", "2026-01-05 08:05:00")]
    [InlineData("2026-01-05 08:05:09", "2026-01-05 08:05:09")]
    [InlineData("2026/1/5", "2026-01-05 00:00:00")]
    [InlineData("2026/01/05 23:59", "2026-01-05 23:59:00")]
    [InlineData("2026/01/05 23:59:59", "2026-01-05 23:59:59")]
    [InlineData("2026-01-05T08:05", "2026-01-05 08:05:00")]
    [InlineData("2026-01-05T08:05:09", "2026-01-05 08:05:09")]
    [InlineData("2026-01-05T00:00:00Z", "2026-01-05 08:00:00")] // an instant, in China time
    [InlineData("2026-01-05T00:00:00+08:00", "2026-01-05 00:00:00")]
    [InlineData("2026-01-04T23:00:00-05:00", "2026-01-05 12:00:00")]
    [InlineData("2026-01-05 00:00:00+09:00", "2026-01-04 23:00:00")]
    public void Since_reads_China_time_or_an_instant_with_its_offset(string text, string expected)
    {
        Assert.Equal(expected, ExportCommand.Since(text)!.Value.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_since_is_every_record(string? text)
    {
        Assert.Null(ExportCommand.Since(text));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-05")]
    [InlineData("5 January 2026")] // a time without an offset, in none of the China-time formats
    [InlineData("01/05/2026")]
    public void A_since_that_is_not_a_time_says_what_to_write(string text)
    {
        var problem = Assert.Throws<CliException>(() => ExportCommand.Since(text));

        Assert.Equal($"--since '{text}' is not a time: write 2026-01-05, 2026-01-05 08:00:00 (China time), or 2026-01-05T00:00:00Z.", problem.Message);
    }

    [Fact]
    public void Progress_prints_once_a_read_is_known_then_at_most_once_a_second_with_what_is_ahead()
    {
        var error = new StringWriter();
        var now = TimeSpan.Zero;
        var progress = new ExportProgress(error, () => now);

        void Written(double seconds, long records, long childRows)
        {
            now = TimeSpan.FromSeconds(seconds);
            progress.Report(new SpreadsheetWriteProgress(records, childRows));
        }

        Written(0.1, 0, 0); // nothing read yet: quiet
        progress.Report(new FormReadProgress("D000024SalesOrder", Windows: 1, Requests: 1, Records: 500, WindowsAhead: 2, RecordsAhead: 1_000));
        Written(0.5, 500, 20);
        Written(1.49, 900, 30); // 0.99 s after the last line: quiet
        progress.Report(new FormReadProgress("D000024SalesOrder", Windows: 2, Requests: 3, Records: 1_000, WindowsAhead: 1, RecordsAhead: 900));
        Written(1.5, 1_000, 40); // a second after it
        progress.Report(new FormReadProgress("D000024SalesOrder", Windows: 3, Requests: 6, Records: 1_900, WindowsAhead: 0, RecordsAhead: 0));
        Written(2.5, 1_900, 50);

        Assert.Equal(
            [
                "D000024SalesOrder: 500 record(s) (1,000/s), 20 child row(s), 1 request(s); ahead: about 1,000 record(s) in 3 request(s)",
                "D000024SalesOrder: 1,000 record(s) (667/s), 40 child row(s), 3 request(s); ahead: about 900 record(s) in 3 request(s)",
                "D000024SalesOrder: 1,900 record(s) (760/s), 50 child row(s), 6 request(s)",
            ],
            error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(6, progress.Requests);
    }

    [Fact]
    public void Progress_at_the_start_divides_by_a_millisecond_not_by_zero()
    {
        var error = new StringWriter();
        var progress = new ExportProgress(error, () => TimeSpan.Zero);

        progress.Report(new FormReadProgress("D000024SalesOrder", 1, 1, 2, 0, 0));
        progress.Report(new SpreadsheetWriteProgress(2, 0));

        Assert.Equal("D000024SalesOrder: 2 record(s) (2,000/s), 0 child row(s), 1 request(s)" + Environment.NewLine, error.ToString());
        Assert.Equal(0, new ExportProgress(error, () => TimeSpan.Zero).Requests);
    }

    [Fact]
    public async Task A_finished_export_names_each_sheet_and_the_bound_of_what_it_holds()
    {
        await using var source = await ExportSource.StartAsync(engineCode: "export-at-1.5-per-second");
        using var folder = source.Folder;
        source.Clock.Advance(TimeSpan.FromMinutes(1));
        await source.CreateAsync(3, 1);

        var run = await source.ExportAsync("--out", "ORDERS.XLSX", "--since", "2020-01-01", "--requests-per-second", "1.5", "--field", " ", "--key", " ");

        Assert.True(run.ExitCode == 0, run.All);
        var output = run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ORDERS.XLSX, sheet 销售订单: 3 row(s) of D000024SalesOrder", output[0]);
        Assert.Equal("ORDERS.XLSX, sheet 订单明细: 3 row(s) of D000024FOrderLines", output[1]); // orders 1, 2, 3 have 1, 2, 0 lines
        Assert.Matches(@"^Exported 3 record\(s\) of D000024SalesOrder in \d+\.\d s with 1 request\(s\)\. Records modified from (?<upper>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) on are not in the file; --since ""\k<upper>"" exports them\.$", output[2]);
        Assert.Equal(3, output.Length);
        Assert.Matches(@"^Exporting D000024SalesOrder \(records modified from 2020-01-01 00:00:00 before \d{4}-\d\d-\d\d \d\d:\d\d:\d\d, China time\) into ORDERS\.XLSX at 1\.5 requests/s\.", run.Error);
        Assert.Contains("D000024SalesOrder: 3 record(s) (", run.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.File("ORDERS.XLSX")));
    }

    [Fact]
    public async Task Without_a_schema_folder_the_export_says_how_to_pull_one()
    {
        await using var source = await ExportSource.StartAsync();
        using var folder = source.Folder;

        var run = await source.ExportAsync("--schemas", "elsewhere");

        AssertStopped(run, folder, "h3yun: No schema folder elsewhere: pull the form's schema with 'h3yun schema pull --app <AppCode> --form D000024SalesOrder', or name the folder with --schemas.");
        Assert.Equal(0, source.Requests);
    }

    [Fact]
    public async Task A_field_the_form_lacks_names_the_schema_file_it_was_looked_for_in()
    {
        await using var source = await ExportSource.StartAsync();
        using var folder = source.Folder;

        var run = await source.ExportAsync("--field", "运费");

        Assert.EndsWith($" (schema file {Path.Combine("schemas", "SalesOrder.h3form.json")}){Environment.NewLine}", run.Error, StringComparison.Ordinal);
        AssertStopped(run, folder, "h3yun: The form D000024SalesOrder has no field '运费'");
    }

    [Fact]
    public async Task A_form_H3Yun_does_not_hold_is_refused_by_name_and_no_file_is_written()
    {
        await using var source = await ExportSource.StartAsync();
        using var folder = source.Folder;
        folder.Write("schemas/Other.h3form.json", """{ "SchemaCode": "D000024Other", "DisplayName": "别的", "Properties": [ { "Name": "F0000001", "DisplayName": "名", "DataType": "ShortString" } ] }""");

        var run = await source.ExportAsync(["--form", "D000024Other"], withForm: false);

        AssertStopped(run, folder, "h3yun: H3Yun refused to read D000024Other: ");
        Assert.EndsWith($" (is it a form of this engine?). No file was written.{Environment.NewLine}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_cannot_be_written_is_named_and_nothing_is_left()
    {
        await using var source = await ExportSource.StartAsync();
        using var folder = source.Folder;
        source.Clock.Advance(TimeSpan.FromMinutes(1));
        await source.CreateAsync(2, 1);
        Directory.CreateDirectory(folder.File("taken.xlsx"));

        var run = await source.ExportAsync("--out", "taken.xlsx");

        AssertStopped(run, folder, "h3yun: Could not write taken.xlsx: ");
        Assert.EndsWith($" (is it open in Excel?). No file was written.{Environment.NewLine}", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.File("taken.xlsx")));
    }

    private static void AssertStopped(CliRun run, TempFolder folder, string expected)
    {
        Assert.True(run.ExitCode == ExitCodes.Error, run.All);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        run.AssertNoStackTrace();
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*.xlsx", SearchOption.AllDirectories));
    }
}
