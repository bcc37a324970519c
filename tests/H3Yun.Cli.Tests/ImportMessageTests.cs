using System.Text.RegularExpressions;
using H3Yun.Emulator;
using H3Yun.OpenApi;
using static H3Yun.Cli.Tests.ImportTests;

namespace H3Yun.Cli.Tests;

/// <summary>
/// What <c>h3yun import</c> tells its user: what it read and left out, the plan with its cost at the rate given, the
/// progress and the outcome, and a message with what to do for each failure before or while it writes.
/// </summary>
public sealed partial class ImportMessageTests
{
    [Fact]
    public async Task A_run_prints_what_it_read_what_it_left_out_its_plan_with_the_cost_and_its_progress()
    {
        await using var import = await ImportSite.StartAsync();
        var rows = Orders(2);
        rows.ForEach(static row => row["折扣"] = 0.5);

        var run = await import.RunAsync(import.Xlsx("orders.xlsx", rows));

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Read 2 row(s) from orders.xlsx (Sheet1); every cell converted.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Not imported (no field of D000024SalesOrder has these names): 折扣.", run.Error, StringComparison.Ordinal);
        Assert.Contains(
            "Plan: 2 to create, 0 to update, 0 unchanged (1 lookup request(s) made; the writes take 1 request(s), about 1 s at 1000 requests/s).",
            run.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Fields to update", run.Output, StringComparison.Ordinal);
        Assert.Contains("Written 2 of 2 row(s): 2 created, 0 updated, 0 failed, 0 unknown.", run.Error, StringComparison.Ordinal);
        Assert.Matches(Seconds(), run.Output);
    }

    [Fact]
    public async Task A_file_whose_columns_all_match_prints_no_list_of_columns_left_out()
    {
        await using var import = await ImportSite.StartAsync();

        var run = await import.RunAsync(import.Xlsx("orders.xlsx", Orders(1)));

        Assert.True(run.ExitCode == 0, run.All);
        Assert.DoesNotContain("Not imported", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lookup_H3Yun_refuses_is_named_and_nothing_is_written()
    {
        await using var import = await ImportSite.StartAsync();
        import.Emulator.Faults.Enqueue(EmulatorFault.ApiError("引擎繁忙"), OpenApiActions.LoadBizObjects);

        var run = await import.RunAsync(import.Xlsx("orders.xlsx", Orders(2)));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("h3yun: Looking the keys up failed: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("引擎繁忙", run.Error, StringComparison.Ordinal);
        Assert.Contains(". Nothing was written; run the same command again.", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, import.Writes());
    }

    [Fact]
    public async Task An_association_lookup_H3Yun_refuses_is_named_with_the_associated_form()
    {
        await using var import = await ImportSite.StartAsync();
        var rows = Orders(1);
        rows[0]["客户"] = "甲公司";
        import.Emulator.Faults.Enqueue(EmulatorFault.ApiError("引擎繁忙"), OpenApiActions.LoadBizObjects);

        var run = await import.RunAsync(import.Xlsx("orders.xlsx", rows), "--association", "客户=客户名称");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("h3yun: Looking up the associated records of D000024Customer failed: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(". Nothing was written; run the same command again.", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, import.Writes());
    }

    [Fact]
    public async Task A_missing_schema_folder_or_schema_file_says_where_to_get_it()
    {
        await using var import = await ImportSite.StartAsync();
        var file = import.Xlsx("orders.xlsx", Orders(1));
        Directory.CreateDirectory(import.Folder.File("empty"));

        var noFolder = await import.RunAsync(file, "--schemas", "nowhere");
        var noFile = await import.RunAsync(file, "--form", "D000024Unknown");
        var noFiles = await import.RunAsync(file, "--schemas", "empty");

        Assert.Contains("h3yun: No schema folder nowhere: pull the forms' schemas with 'h3yun schema pull --app <AppCode>', or name the folder with --schemas.", noFolder.Error, StringComparison.Ordinal);
        Assert.Contains(
            "h3yun: No schema file of the form D000024Unknown in schemas (it has D000024AllTypes, D000024Customer, D000024SalesOrder): pull it with 'h3yun schema pull', or name the folder with --schemas.",
            noFile.Error,
            StringComparison.Ordinal);
        Assert.Contains("No schema file of the form D000024SalesOrder in empty (it has none)", noFiles.Error, StringComparison.Ordinal);
        Assert.All([noFolder, noFile, noFiles], static run => Assert.Equal(ExitCodes.Error, run.ExitCode));
        Assert.Empty(import.Emulator.Requests);
    }

    [Fact]
    public async Task A_key_of_several_fields_is_shown_joined_with_plus_and_numbers_as_written()
    {
        await using var import = await ImportSite.StartAsync();
        var rows = Orders(3);
        rows[2]["订单编号"] = "SO-1";
        rows[2]["金额"] = rows[0]["金额"];

        var run = await import.RunAsync(import.Xlsx("orders.xlsx", rows), "--key", "订单编号", "--key", "金额");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("Sheet1, rows 2, 4: the same key SO-1 + 99.5; keep one row per key", run.Error, StringComparison.Ordinal);
        Assert.Contains("h3yun: The import was refused before anything was written: 1 key problem(s) (above).", run.Error, StringComparison.Ordinal);
        Assert.Empty(import.Emulator.Requests);
    }

    [Fact]
    public async Task A_row_without_its_key_is_refused_with_its_cell_before_any_request()
    {
        await using var import = await ImportSite.StartAsync();

        var run = await import.RunAsync(import.Folder.Write("orders.csv", "订单编号,金额\nSO-1,1\n,5\n"));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("  orders.csv, row 3, column '订单编号': expected a value: this is a key column", run.Error, StringComparison.Ordinal);
        Assert.Empty(import.Emulator.Requests);
    }

    [GeneratedRegex(@"0 unknown, in \d+\.\d s\. Report: orders\.report\.csv\.")]
    private static partial Regex Seconds();
}
