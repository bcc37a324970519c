using System.Globalization;
using CsCheck;
using H3Yun.Emulator;

namespace H3Yun.Runtime.Tests.Upsert;

/// <summary>
/// Model-based: random sequences of upserts against the emulator, with keys repeated across calls, partial overlaps
/// with the stored records, changed and unchanged values, and a fault (every "apply, then fail" one, and the
/// not-applied ones) on the creates or the updates of a call. After each call, and each run of the same call again
/// until nothing failed or is unknown, H3Yun must hold exactly the intended records, one per key, and every call
/// must have made exactly the requests the docs state. A failure prints the shrunk sequence.
/// </summary>
/// <remarks>
/// A long run: <c>H3YUN_MODEL_ITERATIONS=2000 H3YUN_MODEL_SEED= dotnet test tests/H3Yun.Runtime.Tests --filter UpsertModelTests</c>.
/// </remarks>
public sealed class UpsertModelTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const int Keys = 10;

    private static readonly decimal?[] Amounts = [null, 1m, 2.5m, 7m];
    private static readonly string?[] Notes = [null, string.Empty, "甲", "乙 b"];

    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("H3YUN_MODEL_ITERATIONS"), CultureInfo.InvariantCulture, out var n) ? n : 100;

    private static string? Seed => Environment.GetEnvironmentVariable("H3YUN_MODEL_SEED") is { } seed ? (seed.Length == 0 ? null : seed) : "0N0XIzNsQ0O2";

    private static Gen<Item> Items => Gen.Select(Gen.Int[0, Keys - 1], Gen.Int[0, Amounts.Length - 1], Gen.Bool, Gen.Int[0, Notes.Length - 1])
        .Select((key, amount, paid, note) => new Item($"M-{key}", Amounts[amount], paid, Notes[note]));

    private static Gen<string?> Faults => Gen.Int[-6, UpsertHarness.AllFaults.Length - 1].Select(static f => f < 0 ? null : UpsertHarness.AllFaults[f]);

    private static Gen<Call> Calls => Gen.Select(Items.List[0, 7], Faults, Faults).Select((items, create, update) => new Call(items, create, update));

    [Fact]
    public async Task Every_sequence_of_upserts_leaves_exactly_the_intended_records_at_the_stated_cost() =>
        await Calls.List[1, 5].SampleAsync(
            async calls => await RunAsync(calls),
            iter: Iterations,
            seed: Seed,
            threads: 1,
            print: calls => string.Join(Environment.NewLine, calls));

    private async Task RunAsync(List<Call> calls)
    {
        fixture.Emulator.Clear();
        fixture.Emulator.Faults.Clear();
        using var client = UpsertHarness.Client(fixture.Emulator, timeout: TimeSpan.FromSeconds(1));
        var orders = new SalesOrderRepository(client);
        var intended = new Dictionary<string, Item>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            var items = call.Items.Select(static i => i.ToOrder()).ToList();
            if (call.Items.Select(static i => i.Key).Distinct().Count() != call.Items.Count)
            {
                var (_, refused) = await UpsertHarness.CountAsync(
                    fixture.Emulator, () => Assert.ThrowsAsync<H3YunUpsertRefusedException>(() => orders.UpsertManyAsync(items, SalesOrder.Where.OrderNumber)));
                Assert.Equal(0, refused);
                continue;
            }

            if (call.CreateFault is { } createFault)
            {
                fixture.Emulator.Faults.Enqueue(UpsertHarness.Fault(createFault), OpenApiActions.CreateBizObjects);
            }

            if (call.UpdateFault is { } updateFault)
            {
                fixture.Emulator.Faults.Enqueue(UpsertHarness.Fault(updateFault), OpenApiActions.UpdateBizObject);
            }

            var results = await UpsertWithStatedCostAsync(orders, call.Items, items, expectFaults: call.CreateFault is not null || call.UpdateFault is not null);
            fixture.Emulator.Faults.Clear();
            for (var round = 0; results.Any(static r => r.Outcome is UpsertOutcome.Failed or UpsertOutcome.Unknown); round++)
            {
                Assert.True(round < 3, "running the same call again did not finish the job");
                results = await UpsertWithStatedCostAsync(orders, call.Items, items, expectFaults: false);
            }

            foreach (var item in call.Items)
            {
                intended[item.Key] = item;
            }

            var stored = await StoredAsync(orders);
            Assert.Equal(intended.Keys.Order(), stored.Select(static s => s.Key).Order());
            foreach (var record in stored)
            {
                Assert.True(intended[record.Key].SameValues(record), $"{record} should hold {intended[record.Key]}");
            }
        }
    }

    // Runs the call once, checking each outcome and the request count against what the stored records make of the items.
    private async Task<IReadOnlyList<UpsertItemResult>> UpsertWithStatedCostAsync(SalesOrderRepository orders, List<Item> model, List<SalesOrder> items, bool expectFaults)
    {
        var stored = (await StoredAsync(orders)).ToDictionary(static s => s.Key);
        var created = model.Count(i => !stored.ContainsKey(i.Key));
        var changed = model.Count(i => stored.TryGetValue(i.Key, out var s) && !i.SameValues(s));
        var (results, requests) = await UpsertHarness.CountAsync(fixture.Emulator, () => orders.UpsertManyAsync(items, SalesOrder.Where.OrderNumber));

        Assert.Equal(UpsertHarness.StatedCost(model.Count, created, changed), requests);
        for (var i = 0; i < model.Count; i++)
        {
            var expected = !stored.TryGetValue(model[i].Key, out var s) ? UpsertOutcome.Created : model[i].SameValues(s) ? UpsertOutcome.Unchanged : UpsertOutcome.Updated;
            var actual = results[i].Outcome;
            Assert.True(
                actual == expected || (expectFaults && expected != UpsertOutcome.Unchanged && actual is UpsertOutcome.Failed or UpsertOutcome.Unknown),
                $"item {i} ({model[i]}): expected {expected}, got {actual}");
        }

        return results;
    }

    private static async Task<List<Item>> StoredAsync(SalesOrderRepository orders) =>
        await orders.QueryAllAsync().Select(static o => new Item(o.OrderNumber!, o.Amount, o.Paid ?? false, o.备注)).ToListAsync();

    private sealed record Item(string Key, decimal? Amount, bool Paid, string? Note)
    {
        public SalesOrder ToOrder() => new() { OrderNumber = Key, Amount = Amount, Paid = Paid, 备注 = Note };

        public bool SameValues(Item other) =>
            Amount == other.Amount && Paid == other.Paid && string.IsNullOrWhiteSpace(Note) == string.IsNullOrWhiteSpace(other.Note)
            && (string.IsNullOrWhiteSpace(Note) || Note == other.Note);
    }

    private sealed record Call(List<Item> Items, string? CreateFault, string? UpdateFault)
    {
        public override string ToString() =>
            $"upsert [{string.Join(", ", Items)}]{(CreateFault is null ? string.Empty : $", creates meet \"{CreateFault}\"")}{(UpdateFault is null ? string.Empty : $", an update meets \"{UpdateFault}\"")}";
    }
}
