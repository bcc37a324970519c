namespace H3Yun.Runtime.Tests.Upsert;

/// <summary>What <c>UpsertManyAsync</c> does with each item, what it refuses before writing, and what it costs.</summary>
public class UpsertTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync()
    {
        fixture.Emulator.Clear();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Creates_the_new_updates_only_the_changed_fields_and_sends_nothing_for_the_unchanged()
    {
        using var client = UpsertHarness.Client(fixture.Emulator);
        var orders = new SalesOrderRepository(client);
        var existing = new[] { Order("U-1", 10m, paid: false), Order("U-2", 20m, paid: true) };
        await orders.CreateManyAsync(existing);

        var items = new[] { Order("U-3", 30m, paid: false), Order("U-2", 20m, paid: true), Order("U-1", 11m, paid: false) };
        var (results, requests) = await UpsertHarness.CountAsync(fixture.Emulator, () => orders.UpsertManyAsync(items, key: SalesOrder.Where.OrderNumber));

        Assert.Equal([UpsertOutcome.Created, UpsertOutcome.Unchanged, UpsertOutcome.Updated], results.Select(r => r.Outcome));
        Assert.Equal([0, 1, 2], results.Select(r => r.Index));
        Assert.Equal(existing[1].ObjectId, results[1].ObjectId);
        Assert.Equal(existing[0].ObjectId, results[2].ObjectId);
        Assert.Equal([SalesOrder.Fields.Amount], results[2].ChangedFields);
        Assert.NotNull(results[0].ObjectId);
        Assert.Equal(UpsertHarness.StatedCost(distinctKeys: 3, created: 1, changed: 1), requests);
        var update = fixture.Emulator.Requests.Last(r => r.ActionName == OpenApiActions.UpdateBizObject);
        Assert.Contains(SalesOrder.Fields.Amount, update.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(SalesOrder.Fields.Paid, update.Body, StringComparison.Ordinal);
        Assert.Equal(11m, (await orders.LoadAsync(existing[0].ObjectId!))!.Amount);

        // The same call again: lookups only.
        var (again, second) = await UpsertHarness.CountAsync(fixture.Emulator, () => orders.UpsertManyAsync(items, key: SalesOrder.Where.OrderNumber));
        Assert.All(again, r => Assert.Equal(UpsertOutcome.Unchanged, r.Outcome));
        Assert.Equal(1, second);
        Assert.Equal(3, fixture.Emulator.Count(SalesOrder.SchemaCode));
    }

    [Fact]
    public async Task Repeated_and_empty_keys_are_refused_before_any_request_with_their_positions()
    {
        using var client = UpsertHarness.Client(fixture.Emulator);
        var orders = new SalesOrderRepository(client);
        var items = new[] { Order("D-1", 1m), Order("D-2", 2m), Order("D-1", 3m), new SalesOrder { Amount = 4m }, Order(" ", 5m) };

        var (refusal, requests) = await UpsertHarness.CountAsync(
            fixture.Emulator, () => Assert.ThrowsAsync<H3YunUpsertRefusedException>(() => orders.UpsertManyAsync(items, SalesOrder.Where.OrderNumber)));

        Assert.Equal(0, requests);
        Assert.Contains(refusal.Conflicts, c => c.Kind == UpsertConflictKind.DuplicateInInput && c.Positions.SequenceEqual([0, 2]) && c.Key == "D-1");
        Assert.Contains(refusal.Conflicts, c => c.Kind == UpsertConflictKind.EmptyKey && c.Positions.SequenceEqual([3]));
        Assert.Contains(refusal.Conflicts, c => c.Kind == UpsertConflictKind.EmptyKey && c.Positions.SequenceEqual([4]));
        Assert.Contains("items 0, 2 have the same key D-1", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_records_with_one_key_are_refused_after_the_lookup_with_their_ids_and_nothing_is_written()
    {
        using var client = UpsertHarness.Client(fixture.Emulator);
        var orders = new SalesOrderRepository(client);
        var twins = new[] { Order("T-1", 1m), Order("T-1", 2m) };
        await orders.CreateManyAsync(twins);

        var (refusal, requests) = await UpsertHarness.CountAsync(
            fixture.Emulator, () => Assert.ThrowsAsync<H3YunUpsertRefusedException>(() => orders.UpsertManyAsync([Order("T-0", 0m), Order("T-1", 3m)], SalesOrder.Where.OrderNumber)));

        Assert.Equal(1, requests);
        var conflict = Assert.Single(refusal.Conflicts);
        Assert.Equal(UpsertConflictKind.DuplicateInH3Yun, conflict.Kind);
        Assert.Equal([1], conflict.Positions);
        Assert.Equal(twins.Select(t => t.ObjectId!).Order(), conflict.ObjectIds.Order());
        Assert.Equal(2, fixture.Emulator.Count(SalesOrder.SchemaCode));
    }

    [Fact]
    public async Task Lookups_take_one_request_per_500_keys_and_creates_one_per_batch()
    {
        using var client = UpsertHarness.Client(fixture.Emulator);
        var orders = new SalesOrderRepository(client);
        await orders.CreateManyAsync(Enumerable.Range(0, 700).Select(i => Order($"C-{i:0000}", i)));
        var items = Enumerable.Range(0, 1201).Select(i => Order($"C-{i:0000}", i < 650 ? i : i + 1)).ToList();

        var (results, requests) = await UpsertHarness.CountAsync(fixture.Emulator, () => orders.UpsertManyAsync(items, SalesOrder.Where.OrderNumber));

        Assert.Equal(650, results.Count(r => r.Outcome == UpsertOutcome.Unchanged));
        Assert.Equal(50, results.Count(r => r.Outcome == UpsertOutcome.Updated));
        Assert.Equal(501, results.Count(r => r.Outcome == UpsertOutcome.Created));
        Assert.Equal(UpsertHarness.StatedCost(1201, created: 501, changed: 50), requests);
        Assert.Equal(3 + 6 + 50, requests);
    }

    [Fact]
    public async Task A_composite_key_matches_on_every_field_and_costs_the_same()
    {
        using var client = UpsertHarness.Client(fixture.Emulator);
        var orders = new SalesOrderRepository(client);
        var key = UpsertKey.Of(SalesOrder.Where.OrderNumber, SalesOrder.Where.Paid);
        await orders.UpsertManyAsync([Order("K-1", 1m, paid: true), Order("K-2", 2m, paid: false)], key);

        var (results, requests) = await UpsertHarness.CountAsync(
            fixture.Emulator, () => orders.UpsertManyAsync([Order("K-1", 1m, paid: false), Order("K-2", 5m, paid: false), Order("K-1", 1m, paid: true)], key));

        Assert.Equal([UpsertOutcome.Created, UpsertOutcome.Updated, UpsertOutcome.Unchanged], results.Select(r => r.Outcome));
        Assert.Equal(UpsertHarness.StatedCost(3, created: 1, changed: 1), requests);
        Assert.Equal(3, fixture.Emulator.Count(SalesOrder.SchemaCode));
    }

    [Fact]
    public async Task A_date_in_the_key_is_looked_up_in_H3Yuns_clock()
    {
        using var client = UpsertHarness.Client(fixture.Emulator);
        var orders = new SalesOrderRepository(client);
        var key = UpsertKey.Of(SalesOrder.Where.OrderNumber, SalesOrder.Where.OrderDate);
        SalesOrder Dated(int day, decimal amount) => new() { OrderNumber = "DT-1", OrderDate = new DateTime(2025, 3, day, 9, 30, 0), Amount = amount };
        await orders.UpsertManyAsync([Dated(1, 1m), Dated(2, 2m)], key);

        var results = await orders.UpsertManyAsync([Dated(2, 2m), Dated(1, 5m)], key);

        Assert.Equal([UpsertOutcome.Unchanged, UpsertOutcome.Updated], results.Select(r => r.Outcome));
        Assert.Equal(2, fixture.Emulator.Count(SalesOrder.SchemaCode));
    }

    [Fact]
    public async Task A_child_table_is_compared_row_by_row_and_replaced_when_given_whole()
    {
        using var client = UpsertHarness.Client(fixture.Emulator);
        var orders = new SalesOrderRepository(client);
        SalesOrder WithLines(params int[] quantities) => new()
        {
            OrderNumber = "L-1",
            Lines = [.. quantities.Select(q => new SalesOrder.OrderLine { Product = "扇贝", Quantity = q })],
        };
        await orders.UpsertManyAsync([WithLines(1, 2)], SalesOrder.Where.OrderNumber);

        Assert.Equal(UpsertOutcome.Unchanged, (await orders.UpsertManyAsync([WithLines(1, 2)], SalesOrder.Where.OrderNumber))[0].Outcome);
        var changed = (await orders.UpsertManyAsync([WithLines(3)], SalesOrder.Where.OrderNumber))[0];
        Assert.Equal(UpsertOutcome.Updated, changed.Outcome);
        Assert.Equal([SalesOrder.Fields.Lines], changed.ChangedFields);
        var stored = await orders.QueryAsync(SalesOrder.Where.OrderNumber.EqualTo("L-1"));
        Assert.Equal([3], Assert.Single(stored.Items).Lines.Select(l => l.Quantity));

        // Rows added to a table that was not given whole cannot replace the stored rows: that item fails, nothing is written.
        var added = new SalesOrder { OrderNumber = "L-1" };
        added.Lines.Add(new SalesOrder.OrderLine { Product = "虾", Quantity = 9 });
        var refused = (await orders.UpsertManyAsync([added], SalesOrder.Where.OrderNumber))[0];
        Assert.Equal(UpsertOutcome.Failed, refused.Outcome);
        Assert.IsType<InvalidOperationException>(refused.Error);
    }

    private static SalesOrder Order(string number, decimal amount, bool paid = false) => new() { OrderNumber = number, Amount = amount, Paid = paid };
}
