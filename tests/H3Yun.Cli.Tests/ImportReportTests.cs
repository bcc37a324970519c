using System.Text;
using H3Yun.Cli.Import;
using H3Yun.Emulator;
using static H3Yun.Cli.Tests.ImportTests;

namespace H3Yun.Cli.Tests;

/// <summary>
/// The import's per-row report: a CSV file Excel opens as written (UTF-8 with a BOM, cells quoted where needed, and
/// no cell that Excel would run as a formula), in the folder named, or a clear error when it cannot be written.
/// </summary>
public class ImportReportTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a=b", "a=b")]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-5", "'-5")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("甲,乙", "\"甲,乙\"")]
    [InlineData(",first", "\",first\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("a\nb", "\"a\nb\"")]
    [InlineData("a\rb", "\"a\rb\"")]
    [InlineData("=a,b", "\"'=a,b\"")]
    public void A_cell_is_quoted_when_it_holds_a_separator_and_defused_when_it_starts_like_a_formula(string cell, string written)
    {
        Assert.Equal(written, ImportReport.Quote(cell));
    }

    [Fact]
    public async Task A_dry_runs_report_names_each_rows_planned_outcome_in_a_new_folder_with_a_BOM()
    {
        await using var import = await ImportSite.StartAsync();
        Assert.Equal(0, (await import.RunAsync(import.Xlsx("old.xlsx", Orders(2)))).ExitCode);
        var ids = (await import.RecordsAsync()).ToDictionary(static r => r.Key, static r => r.Value.GetProperty("ObjectId").GetString());
        var rows = Orders(3);
        rows[1]["金额"] = 0.5;
        rows[1]["备注"] = "新";

        var dry = await import.RunAsync(import.Xlsx("orders.xlsx", rows), "--dry-run", "--report", "out/plans/plan.csv");

        Assert.True(dry.ExitCode == 0, dry.All);
        var bytes = File.ReadAllBytes(import.Folder.File("out/plans/plan.csv"));
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Equal(
            ["row,key,outcome,ObjectId,fields changed,error", $"2,SO-1,unchanged,{ids["SO-1"]},,", $"3,SO-2,to update,{ids["SO-2"]},金额;备注,", "4,SO-3,to create,,,"],
            Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Rows_whose_write_failed_are_listed_ten_at_most_and_reported_with_the_error()
    {
        await using var import = await ImportSite.StartAsync();
        import.Emulator.Faults.Enqueue(EmulatorFault.HttpStatus(500), OpenApi.OpenApiActions.CreateBizObjects);

        var run = await import.RunAsync(import.Xlsx("orders.xlsx", Orders(12)));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        var listed = run.Error.Split('\n').Where(static line => line.StartsWith("  Sheet1, row ", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, listed.Count);
        Assert.StartsWith("  Sheet1, row 2 (SO-1): Unknown: ", listed[0], StringComparison.Ordinal);
        Assert.Contains("12 row(s) failed or may not have been written", run.Error, StringComparison.Ordinal);
        Assert.Contains("Imported 12 row(s) into D000024SalesOrder: 0 created, 0 updated, 0 unchanged, 0 failed, 12 unknown", run.Output, StringComparison.Ordinal);
        var report = File.ReadAllLines(import.Folder.File("orders.report.csv"), Encoding.UTF8);
        Assert.Equal(13, report.Length);
        var error = listed[0]["  Sheet1, row 2 (SO-1): Unknown: ".Length..].TrimEnd('\r');
        Assert.NotEmpty(error);
        Assert.Equal("2,SO-1,unknown,,," + ImportReport.Quote(error), report[1]);
    }

    [Fact]
    public async Task A_report_that_cannot_be_written_says_whether_the_import_ran()
    {
        await using var import = await ImportSite.StartAsync();
        Directory.CreateDirectory(import.Folder.File("taken"));
        var file = import.Xlsx("orders.xlsx", Orders(2));

        var dry = await import.RunAsync(file, "--dry-run", "--report", "taken");
        var wet = await import.RunAsync(file, "--report", "taken");

        Assert.Equal(ExitCodes.Error, dry.ExitCode);
        Assert.Contains("Could not write the report " + import.Folder.File("taken") + ": ", dry.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was written to H3Yun.", dry.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Error, wet.ExitCode);
        Assert.Contains("The import itself ran; run the same command again for a report (it writes nothing more).", wet.Error, StringComparison.Ordinal);
        Assert.Equal(2, import.Emulator.Count("D000024SalesOrder"));
    }
}
