using H3Yun.Emulator;
using MiniExcelLibs;
using static H3Yun.Cli.Tests.ImportTests;

namespace H3Yun.Cli.Tests;

/// <summary>
/// <c>h3yun import</c>'s <c>--field</c>, <c>--association</c> and <c>--child</c> arguments: each mistake is named with what to write
/// instead, before anything is written; child rows come from a sheet or a CSV file beside.
/// </summary>
public sealed class ImportArgumentTests
{
    [Theory]
    [InlineData("客户", "--association '客户' is not FIELD=KEY: name the association field, then the associated form's field its cells hold, e.g. --association 客户=客户名称.")]
    [InlineData("=客户名称", "--association '=客户名称' is not FIELD=KEY")]
    [InlineData("客户=", "--association '客户=' is not FIELD=KEY")]
    [InlineData("运费=客户名称", "--association 运费=客户名称: 运费 is not a field of D000024SalesOrder.")]
    [InlineData("金额=客户名称", "--association 金额=客户名称: 金额 (F0000004) is not an association with an AssociationSchemaCode in its schema file.")]
    [InlineData("客户=运费", "--association 客户=运费: 运费 is not a field of D000024Customer.")]
    public async Task A_wrong_association_is_named_before_any_request(string association, string expected)
    {
        await using var import = await ImportSite.StartAsync();

        var run = await import.RunAsync(import.Xlsx("orders.xlsx", Orders(1)), "--association", association);

        Assert.True(run.ExitCode == ExitCodes.Error, run.All);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(import.Emulator.Requests);
    }

    [Fact]
    public async Task Field_limits_the_import_to_the_named_columns_besides_the_key()
    {
        await using var import = await ImportSite.StartAsync();
        var rows = Orders(2);
        Assert.Equal(0, (await import.RunAsync(import.Xlsx("orders.xlsx", rows))).ExitCode);
        rows[0]["金额"] = 1.25;
        rows[0]["备注"] = "新";
        rows[1]["备注"] = "新";

        var run = await import.RunAsync(import.Xlsx("orders.xlsx", rows), "--field", "金额");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("Plan: 0 to create, 1 to update, 1 unchanged", run.Output, StringComparison.Ordinal);
        var stored = await import.RecordsAsync();
        Assert.Equal(1.25m, stored["SO-1"].GetProperty("F0000004").GetDecimal());
        Assert.Equal("备注 1", stored["SO-1"].GetProperty("F0000006").GetString());
        Assert.Equal("备注 2", stored["SO-2"].GetProperty("F0000006").GetString());
    }

    [Fact]
    public async Task An_association_without_its_forms_schema_file_or_its_column_is_named()
    {
        await using var import = await ImportSite.StartAsync();
        var orders = import.Folder.Write("orders.csv", "订单编号,金额\nSO-1,1\n");

        var noColumn = await import.RunAsync(orders, "--association", "客户=客户名称");
        File.Delete(import.Folder.File("schemas/Customer.h3form.json"));
        var noSchema = await import.RunAsync(orders, "--association", "F0000002=F0000001");

        Assert.Contains("--association 客户=客户名称: the file has no column for F0000002; add it, or leave out --association.", noColumn.Error, StringComparison.Ordinal);
        Assert.Contains("--association F0000002=F0000001: no schema file of the associated form D000024Customer in ", noSchema.Error, StringComparison.Ordinal);
        Assert.Contains("pull it with 'h3yun schema pull'", noSchema.Error, StringComparison.Ordinal);
        Assert.Empty(import.Emulator.Requests);
    }

    [Fact]
    public async Task An_associated_schema_without_fields_or_a_blank_AssociationSchemaCode_is_named()
    {
        await using var import = await ImportSite.StartAsync();
        var orders = import.Folder.Write("orders.csv", "订单编号,客户\nSO-1,甲公司\n");
        import.Folder.Write("schemas/Customer.h3form.json", """{ "SchemaCode": "D000024Customer" }""");

        var noFields = await import.RunAsync(orders, "--association", "客户=客户名称");
        var salesOrder = import.Folder.File("schemas/SalesOrder.h3form.json");
        File.WriteAllText(salesOrder, File.ReadAllText(salesOrder).Replace("\"AssociationSchemaCode\": \"D000024Customer\"", "\"AssociationSchemaCode\": \"  \"", StringComparison.Ordinal));
        var blank = await import.RunAsync(orders, "--association", "客户=客户名称");

        Assert.Contains("--association 客户=客户名称: 客户名称 is not a field of D000024Customer.", noFields.Error, StringComparison.Ordinal);
        Assert.Contains("--association 客户=客户名称: 客户 (F0000002) is not an association with an AssociationSchemaCode in its schema file.", blank.Error, StringComparison.Ordinal);
        Assert.Empty(import.Emulator.Requests);
    }

    [Fact]
    public async Task A_cell_of_several_associated_records_names_each_by_its_key_separated_by_semicolons()
    {
        await using var import = await ImportSite.StartAsync();
        var seeded = await import.RunAsync(import.Folder.Write("customers.csv", "客户名称\n甲公司\n乙公司\n"), "--form", "D000024Customer", "--key", "客户名称");
        var ids = (await import.RecordsAsync("D000024Customer")).ToDictionary(static r => r.Key, static r => r.Value.GetProperty("ObjectId").GetString());

        var run = await import.RunAsync(
            import.Folder.Write("all.csv", "单行文本,关联表单多选\nA-1, 乙公司 ;;甲公司\n"), "--form", "D000024AllTypes", "--key", "单行文本", "--association", "关联表单多选=客户名称");

        Assert.True(seeded.ExitCode == 0, seeded.All);
        Assert.True(run.ExitCode == 0, run.All);
        var create = Assert.Single(import.Emulator.Requests, static r => r.ActionName == H3Yun.OpenApi.OpenApiActions.CreateBizObjects && r.Body.Contains("A-1", StringComparison.Ordinal));
        Assert.Contains($"{ids["乙公司"]};{ids["甲公司"]}", create.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("订单明细", "--child '订单明细' is not TABLE=SOURCE: name the child table (code or display name), then a sheet of the workbook or a .csv file, e.g. --child 订单明细=明细.csv.")]
    [InlineData("=lines.csv", "--child '=lines.csv' is not TABLE=SOURCE")]
    [InlineData("订单明细=", "--child '订单明细=' is not TABLE=SOURCE")]
    [InlineData("明细=lines.csv", "--child: 明细 is not a child table of D000024SalesOrder (订单明细).")]
    [InlineData("订单明细=Sheet2", "--child 订单明细=Sheet2: Sheet2 is neither a .csv or .xlsx file nor a sheet (orders.csv is not a workbook).")]
    public async Task A_wrong_child_source_is_named_before_any_request(string child, string expected)
    {
        await using var import = await ImportSite.StartAsync();
        var orders = import.Folder.Write("orders.csv", "订单编号,金额\nSO-1,1\n");

        var run = await import.RunAsync(orders, "--child", child);

        Assert.True(run.ExitCode == ExitCodes.Error, run.All);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(import.Emulator.Requests);
    }

    [Fact]
    public async Task Child_rows_come_from_a_CSV_file_beside_a_CSV_and_from_a_sheet_named_by_child_once()
    {
        await using var import = await ImportSite.StartAsync();
        var csv = import.Folder.Write("orders.csv", "订单编号,金额\nSO-1,1\nSO-2,2\n");
        import.Folder.Write("lines.csv", "订单编号,产品,数量\nSO-1,扇贝,3\nSO-2,海参,1\nSO-2,鲍鱼,2\n");
        var workbook = import.Folder.File("book.xlsx");
        MiniExcel.SaveAs(workbook, new Dictionary<string, object>
        {
            ["订单"] = Orders(1),
            ["订单明细"] = Lines(("SO-1", "错的", 9)),
            ["明细"] = Lines(("SO-1", "对的", 1)),
        });

        var fromCsv = await import.RunAsync(csv, "--child", "订单明细=lines.csv");
        var fromSheet = await import.RunAsync(workbook, "--child", "D000024FOrderLines=明细");

        Assert.True(fromCsv.ExitCode == 0, fromCsv.All);
        Assert.True(fromSheet.ExitCode == 0, fromSheet.All);
        var stored = await import.RecordsAsync();
        Assert.Equal(["对的"], stored["SO-1"].GetProperty("D000024FOrderLines").EnumerateArray().Select(r => r.GetProperty("F0000011").GetString()));
        Assert.Equal(["海参", "鲍鱼"], stored["SO-2"].GetProperty("D000024FOrderLines").EnumerateArray().Select(r => r.GetProperty("F0000011").GetString()));
    }

    [Theory]
    [InlineData(103, "  … and 3 more")]
    [InlineData(100, null)]
    public async Task A_hundred_problems_are_listed_and_the_rest_counted(int problems, string? more)
    {
        await using var import = await ImportSite.StartAsync();
        var file = import.Folder.Write("orders.csv", "订单编号,金额\n" + string.Concat(Enumerable.Range(0, problems).Select(i => $"SO-{i},x\n")));

        var run = await import.RunAsync(file);

        var listed = run.Error.Split('\n').Where(line => line.StartsWith("  orders.csv, row ", StringComparison.Ordinal)).ToList();
        Assert.Equal(100, listed.Count);
        Assert.Equal(more, run.Error.Split('\n').SingleOrDefault(static line => line.StartsWith("  …", StringComparison.Ordinal)));
        Assert.Contains($"{problems} problem(s) in ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_table_of_a_form_without_any_is_refused_with_that_reason()
    {
        await using var import = await ImportSite.StartAsync();

        var run = await import.RunAsync(import.Folder.Write("customers.csv", "客户名称\n甲公司\n"), "--form", "D000024Customer", "--key", "客户名称", "--child", "明细=lines.csv");

        Assert.Contains("--child: 明细 is not a child table of D000024Customer (it has none).", run.Error, StringComparison.Ordinal);
        Assert.Empty(import.Emulator.Requests);
    }

    [Fact]
    public async Task A_key_H3Yun_holds_twice_is_refused_with_both_records()
    {
        await using var import = await ImportSite.StartAsync();
        var customers = import.Folder.Write("customers.csv", "客户名称,级别\n丙公司,VIP\n丙公司,普通\n");
        var seeded = await import.RunAsync(customers, "--form", "D000024Customer", "--key", "级别", "--key", "客户名称");
        var ids = (await import.RecordsAsync("D000024Customer", "F0000003")).Values.Select(r => r.GetProperty("ObjectId").GetString()).ToList();

        var run = await import.RunAsync(import.Folder.Write("again.csv", "客户名称,级别\n丙公司,VIP\n"), "--form", "D000024Customer", "--key", "客户名称");

        Assert.True(seeded.ExitCode == 0, seeded.All);
        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("again.csv, row 2: H3Yun holds 2 records with the key 丙公司 (", run.Error, StringComparison.Ordinal);
        Assert.All(ids, id => Assert.Contains(id!, run.Error, StringComparison.Ordinal));
        Assert.Matches(@"\(\S+, \S+\); delete all but one", run.Error);
    }
}
