using H3Yun.Sync.Tests.Support;

namespace H3Yun.Sync.Tests;

/// <summary>
/// A run over several forms: a table and a cursor for each, a report whose totals add up the forms', and the option
/// that limits a run to some of them.
/// </summary>
public class SeveralFormsTests
{
    [Fact]
    public async Task Each_form_gets_its_table_and_cursor_and_the_report_adds_them_up()
    {
        await using var bench = await SyncBench.StartAsync(customers: true);
        await bench.CreateAsync("a", 1m);
        await bench.CreateAsync("b", 2m);
        var customer = await bench.CreateCustomerAsync("华东");
        bench.Clock.Advance(TimeSpan.FromSeconds(5));

        var report = await bench.NewSync().RunAsync();

        Assert.Equal(
            [(SyncBench.Customers, "Customers", 1L), (SyncBench.Form, "Orders", 2L)],
            report.Forms.Select(form => (form.SchemaCode, form.TableName, form.RowsUpserted)).OrderBy(form => form.SchemaCode, StringComparer.Ordinal));
        Assert.Equal(3, report.RowsUpserted);
        Assert.Equal(report.Forms.Sum(form => form.Requests), report.Requests);
        Assert.Equal(4, report.Requests); // a first copy reads two windows a form: below and above the floor year
        Assert.Equal([customer], bench.Rows("SELECT \"ObjectId\" FROM \"Customers\"").Select(row => row["ObjectId"]));
        Assert.Equal(2, bench.Scalar("SELECT COUNT(*) FROM h3yun_forms WHERE cursor_time IS NOT NULL AND parent_schema_code IS NULL"));
    }

    [Fact]
    public async Task A_reconcile_adds_up_the_deletions_of_every_form()
    {
        await using var bench = await SyncBench.StartAsync(customers: true);
        var order = await bench.CreateAsync("a", 1m);
        await bench.CreateAsync("b", 1m);
        var customer = await bench.CreateCustomerAsync("华东");
        bench.Clock.Advance(TimeSpan.FromSeconds(5));
        await bench.NewSync().RunAsync();
        await bench.RemoveAsync(order);
        await bench.Writer.InvokeAsync(OpenApiRequest.RemoveBizObject(SyncBench.Customers, customer));

        var report = await bench.NewSync(reconcile: true).RunAsync();

        Assert.Equal(2, report.RowsDeleted);
        Assert.All(report.Forms, form => Assert.Equal(1, form.RowsDeleted));
    }

    [Fact]
    public async Task The_forms_option_limits_a_run_to_the_forms_it_names()
    {
        await using var bench = await SyncBench.StartAsync(customers: true);
        await bench.CreateAsync("a", 1m);
        await bench.CreateCustomerAsync("华东");
        bench.Clock.Advance(TimeSpan.FromSeconds(5));

        var report = await new H3YunSync(bench.Client, bench.Options(forms: [SyncBench.Customers])).RunAsync();

        Assert.Equal([SyncBench.Customers], report.Forms.Select(form => form.SchemaCode));
        Assert.Equal(0, bench.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'Orders'"));
    }
}
