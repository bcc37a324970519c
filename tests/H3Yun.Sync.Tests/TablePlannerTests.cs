using H3Yun.Sync.Schema;
using H3Yun.Sync.Storage;

namespace H3Yun.Sync.Tests;

/// <summary>
/// Which table each form and child table gets: its class name, else its display name, else its code; a name another
/// table has, or one in the copy's own <c>h3yun_</c> namespace, suffixed with the code; a child table named after its
/// form and itself; a name the options give used as it is, quotes and all.
/// </summary>
public sealed class TablePlannerTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "h3yun-planner-" + Guid.NewGuid().ToString("N") + ".db");
    private SyncStore _store = null!;

    public async Task InitializeAsync() => _store = await SyncStore.OpenAsync(SyncTarget.Dialect(_path), CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_path) + "*"))
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_form_is_named_by_its_class_name_else_its_display_name_else_its_code()
    {
        var names = await MainNamesAsync(Form("D0001", "订单", "Orders"), Form("D0002", "客户 名单", null), Form("D0003", null, null), Form("D0004", "- -", "--"), Form("D-0005", null, null));

        Assert.Equal(["Orders", "客户_名单", "D0003", "D0004", "D_0005"], names);
    }

    [Fact]
    public async Task A_name_taken_in_any_case_or_in_the_copys_own_namespace_is_suffixed_with_the_code()
    {
        var names = await MainNamesAsync(Form("D0001", null, "Orders"), Form("D0002", null, "orders"), Form("D0003", null, "H3Yun_Forms"), Form("D0004", null, "Orders_D0002"));

        Assert.Equal(["Orders", "orders_D0002", "H3Yun_Forms_D0003", "Orders_D0002_D0004"], names);
    }

    [Fact]
    public async Task A_child_table_is_named_after_its_form_and_its_class_property_display_name_or_code()
    {
        var form = Form("D0001", "订单", "Orders") with
        {
            Children =
            [
                Child("D0001F1", property: "LinesProperty", className: "Lines", formDisplay: "明细", fieldDisplay: "明细"),
                Child("D0001F2", property: "Payments", className: null, formDisplay: "付款", fieldDisplay: "付款"),
                Child("D0001F3", property: null, className: null, formDisplay: "发票", fieldDisplay: "发票字段"),
                Child("D0001F4", property: null, className: null, formDisplay: null, fieldDisplay: "附件"),
                Child("D0001F5", property: null, className: null, formDisplay: null, fieldDisplay: null),
            ],
        };

        var plan = await TablePlanner.PlanAsync(_store, [form], new Dictionary<string, string>(), CancellationToken.None);

        Assert.Equal(
            ["Orders", "Orders_Lines", "Orders_Payments", "Orders_发票", "Orders_附件", "Orders_D0001F5"],
            plan.Single().Tables.All.Select(table => table.TableName));
    }

    [Fact]
    public async Task A_table_keeps_its_name_when_its_form_is_renamed_and_a_new_form_does_not_take_the_name()
    {
        var plan = await TablePlanner.PlanAsync(_store, [Form("D0001", null, "Orders")], new Dictionary<string, string>(), CancellationToken.None);
        await _store.PrepareTableAsync(plan.Single().Tables.Main, "{}", null, plan.Single().Recorded["D0001"], CancellationToken.None);

        // Later runs, each planning one form: the copied form renamed, and a new form that wants the copied table's name.
        Assert.Equal(["Orders"], await MainNamesAsync(Form("D0001", null, "Purchases")));
        Assert.Equal(["Orders_D0002"], await MainNamesAsync(Form("D0002", null, "Orders")));
    }

    [Fact]
    public async Task A_name_the_options_give_is_used_as_it_is_and_the_copy_quotes_it()
    {
        var form = Form("D0001", "订单", "Orders");
        var plan = await TablePlanner.PlanAsync(_store, [form], new Dictionary<string, string> { ["D0001"] = "My \"Orders\"" }, CancellationToken.None);

        Assert.Equal("My \"Orders\"", plan.Single().Tables.Main.TableName);
        await _store.PrepareTableAsync(plan.Single().Tables.Main, form.SourceJson, null, plan.Single().Recorded["D0001"], CancellationToken.None);
        Assert.Equal(0, Support.CopyReader.Scalar(_path, "SELECT COUNT(*) FROM \"My \"\"Orders\"\"\""));
    }

    [Fact]
    public async Task Tables_whose_long_names_share_a_beginning_each_get_their_own_indexes()
    {
        // Index names are cut to fit PostgreSQL's 63 bytes with the column; two tables whose names differ only past
        // the cut must not share one, or CREATE INDEX IF NOT EXISTS skips the second table's.
        var prefix = new string('a', 50);
        var forms = new[] { Form("D0001", null, prefix + "_first"), Form("D0002", null, prefix + "_second") };
        var plans = await TablePlanner.PlanAsync(_store, forms, new Dictionary<string, string>(), CancellationToken.None);
        foreach (var (tables, recorded) in plans)
        {
            await _store.PrepareTableAsync(tables.Main, "{}", null, recorded[tables.Main.SchemaCode], CancellationToken.None);
        }

        foreach (var table in new[] { prefix + "_first", prefix + "_second" })
        {
            var indexes = Support.CopyReader.Rows(_path, $"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND name LIKE 'ix_%'")
                .Select(row => (string)row["name"]!).ToList();
            Assert.Equal(2, indexes.Count);
            Assert.All(indexes, name => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(name), 1, 63));
            Assert.All(indexes, name => Assert.Matches("^ix_a{36}_[0-9a-f]{8}_(ModifiedTime|CreatedTime)$", name));
        }

        // A name that just fits (48 bytes with "ix_") is not cut.
        var fits = new string('b', 45);
        var fitting = (await TablePlanner.PlanAsync(_store, [Form("D0003", null, fits)], new Dictionary<string, string>(), CancellationToken.None)).Single();
        await _store.PrepareTableAsync(fitting.Tables.Main, "{}", null, fitting.Recorded["D0003"], CancellationToken.None);
        Assert.Equal(
            [$"ix_{fits}_CreatedTime", $"ix_{fits}_ModifiedTime"],
            Support.CopyReader.Rows(_path, $"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '{fits}' AND name LIKE 'ix_%' ORDER BY name").Select(row => (string)row["name"]!));
    }

    private async Task<List<string>> MainNamesAsync(params SyncForm[] forms) =>
        [.. (await TablePlanner.PlanAsync(_store, forms, new Dictionary<string, string>(), CancellationToken.None)).Select(plan => plan.Tables.Main.TableName)];

    private static SyncForm Form(string code, string? display, string? className) =>
        new(code, display, className, [new SyncField("F0000001", "标题", null, 14, false)], [], "{}");

    private static SyncChild Child(string code, string? property, string? className, string? formDisplay, string? fieldDisplay) =>
        new(new SyncField(code, fieldDisplay, property, 24, false), Form(code, formDisplay, className));
}
