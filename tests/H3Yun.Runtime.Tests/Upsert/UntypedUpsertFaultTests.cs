using H3Yun.Emulator;

namespace H3Yun.Runtime.Tests.Upsert;

/// <summary>
/// The untyped upsert (what <c>h3yun import</c> writes with) under each "apply, then fail" fault, with 2,000 items
/// whose values are shaped as a spreadsheet gives them: running the same call again until nothing failed or is
/// unknown leaves exactly one record per key, with the items' values field by field.
/// </summary>
public class UntypedUpsertFaultTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const int ItemCount = 2000;

    private static readonly H3FormShape Form = new(SalesOrder.SchemaCode,
    [
        new(SalesOrder.Fields.OrderNumber, H3FieldKind.Text),
        new(SalesOrder.Fields.OrderDate, H3FieldKind.DateTime),
        new(SalesOrder.Fields.Amount, H3FieldKind.Number),
        new(SalesOrder.Fields.Paid, H3FieldKind.Boolean),
        new(SalesOrder.Fields.备注, H3FieldKind.Text),
    ]);

    public static TheoryData<string, string> Faults => new()
    {
        { "apply, then HTTP 500", OpenApiActions.CreateBizObjects },
        { "apply, then drop the connection", OpenApiActions.CreateBizObjects },
        { "apply, then answer too late", OpenApiActions.CreateBizObjects },
        { "apply, then HTTP 500", OpenApiActions.UpdateBizObject },
        { "apply, then drop the connection", OpenApiActions.UpdateBizObject },
        { "apply, then answer too late", OpenApiActions.UpdateBizObject },
    };

    public Task InitializeAsync()
    {
        fixture.Emulator.Clear();
        fixture.Emulator.Faults.Clear();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        fixture.Emulator.Faults.Clear();
        return Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Running_the_same_call_again_after_an_applied_then_failed_write_leaves_one_record_per_key(string fault, string action)
    {
        using var client = UpsertHarness.Client(fixture.Emulator, timeout: TimeSpan.FromSeconds(20));
        var key = new[] { SalesOrder.Fields.OrderNumber };
        // 600 records exist: 300 hold the items' values, 300 differ in the amount and the note.
        await client.UpsertManyAsync(Form, [.. Enumerable.Range(0, 600).Select(i => Item(i, changed: i >= 300))], key);
        var items = Enumerable.Range(0, ItemCount).Select(i => Item(i, changed: false)).ToList();
        fixture.Emulator.Faults.Enqueue(EmulatorFault.Delay(TimeSpan.Zero), action);
        fixture.Emulator.Faults.Enqueue(EmulatorFault.Delay(TimeSpan.Zero), action);
        fixture.Emulator.Faults.Enqueue(UpsertHarness.Fault(fault, lateBy: TimeSpan.FromSeconds(21)), action);

        var results = await client.UpsertManyAsync(Form, items, key);
        var unknown = results.Where(r => r.Outcome == UpsertOutcome.Unknown).ToList();
        Assert.Equal(action == OpenApiActions.CreateBizObjects ? UpsertHarness.BatchSize : 1, unknown.Count);

        var rounds = 0;
        while (results.Any(static r => r.Outcome is UpsertOutcome.Failed or UpsertOutcome.Unknown))
        {
            Assert.True(++rounds <= 3, "the job did not finish in 3 runs");
            results = await client.UpsertManyAsync(Form, items, key);
            Assert.All(unknown, u => Assert.Equal(UpsertOutcome.Unchanged, results[u.Index].Outcome));
        }

        Assert.Equal(ItemCount, fixture.Emulator.Count(SalesOrder.SchemaCode));
        var stored = await new SalesOrderRepository(client).QueryAllAsync().ToDictionaryAsync(o => o.OrderNumber!);
        Assert.Equal(ItemCount, stored.Count);
        foreach (var item in items)
        {
            var record = stored[(string)item[SalesOrder.Fields.OrderNumber]!];
            Assert.Equal(item[SalesOrder.Fields.Amount], record.Amount);
            Assert.Equal(item[SalesOrder.Fields.Paid], record.Paid);
            Assert.Equal(item[SalesOrder.Fields.备注], record.备注);
            Assert.Equal(DateTime.Parse((string)item[SalesOrder.Fields.OrderDate]!, System.Globalization.CultureInfo.InvariantCulture), record.OrderDate);
        }
    }

    // As a spreadsheet gives them: the date as text in a format H3Yun's users write, the number as a decimal.
    private static Dictionary<string, object?> Item(int i, bool changed) => new()
    {
        [SalesOrder.Fields.OrderNumber] = $"U-{i:0000}",
        [SalesOrder.Fields.OrderDate] = new DateTime(2026, 1, 1, 8, 0, 0).AddHours(i).ToString("yyyy/M/d H:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        [SalesOrder.Fields.Amount] = changed ? -i : i * 1.5m,
        [SalesOrder.Fields.Paid] = i % 2 == 0,
        [SalesOrder.Fields.备注] = changed ? "旧" : $"备注 {i}",
    };
}
