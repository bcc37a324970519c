using H3Yun.Emulator;

namespace H3Yun.Runtime.Tests.Upsert;

/// <summary>
/// 2,000 items, some new, some changed, some unchanged, while the emulator applies a create batch or an update and
/// then fails it in each of its ways: running the same call again until nothing failed or is unknown leaves exactly
/// one record per key, with the items' values field by field.
/// </summary>
public class UpsertFaultTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    // The emulator evaluates In by comparing every record with every value: a lookup of 500 keys over 2,000 records
    // takes seconds on a busy machine, so the client waits 20 s and "too late" answers after 21 s.
    private const int ItemCount = 2000;

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
        var orders = new SalesOrderRepository(client);
        // 600 records exist: 300 hold the items' values, 300 differ in the amount and the note.
        await orders.CreateManyAsync(Enumerable.Range(0, 600).Select(i => Order(i, changed: i >= 300)));
        var items = Enumerable.Range(0, ItemCount).Select(i => Order(i, changed: false)).ToList();
        // The third request of the action applies, then fails; the two before it pass.
        fixture.Emulator.Faults.Enqueue(EmulatorFault.Delay(TimeSpan.Zero), action);
        fixture.Emulator.Faults.Enqueue(EmulatorFault.Delay(TimeSpan.Zero), action);
        fixture.Emulator.Faults.Enqueue(UpsertHarness.Fault(fault, lateBy: TimeSpan.FromSeconds(21)), action);

        var results = await orders.UpsertManyAsync(items, SalesOrder.Where.OrderNumber);
        var unknown = results.Where(r => r.Outcome == UpsertOutcome.Unknown).ToList();
        Assert.Equal(action == OpenApiActions.CreateBizObjects ? UpsertHarness.BatchSize : 1, unknown.Count);
        Assert.DoesNotContain(results, r => r.Outcome == UpsertOutcome.Failed);

        var rounds = 0;
        while (results.Any(static r => r.Outcome is UpsertOutcome.Failed or UpsertOutcome.Unknown))
        {
            Assert.True(++rounds <= 3, "the job did not finish in 3 runs");
            results = await orders.UpsertManyAsync(items, SalesOrder.Where.OrderNumber);
            // The unknown writes were applied: the run again finds them and sends nothing for them.
            Assert.All(unknown, u => Assert.Equal(UpsertOutcome.Unchanged, results[u.Index].Outcome));
        }

        Assert.Equal(ItemCount, fixture.Emulator.Count(SalesOrder.SchemaCode));
        var stored = await orders.QueryAllAsync().ToDictionaryAsync(o => o.OrderNumber!);
        Assert.Equal(ItemCount, stored.Count);
        foreach (var item in items)
        {
            var record = stored[item.OrderNumber!];
            Assert.Equal(item.Amount, record.Amount);
            Assert.Equal(item.Paid, record.Paid);
            Assert.Equal(item.备注, record.备注);
            Assert.Equal(item.OrderDate, record.OrderDate);
        }
    }

    private static SalesOrder Order(int i, bool changed) => new()
    {
        OrderNumber = $"F-{i:0000}",
        Amount = changed ? -i : i * 1.5m,
        Paid = i % 2 == 0,
        备注 = changed ? "旧" : $"备注 {i}",
        OrderDate = new DateTime(2026, 1, 1, 8, 0, 0).AddHours(i),
    };
}
