using H3Yun.OpenApi;

namespace H3Yun.Runtime.Tests.Upsert;

/// <summary>
/// An upsert of items read from a source too large to hold (<c>client.PlanUpsertAsync(form, readItems, key)</c>):
/// the items are read three times and none is held between readings; an item that changes between readings is
/// refused before any write, or fails unwritten while the others are written.
/// </summary>
public class StreamedUpsertTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string Customer = "D000024Customer";
    private static readonly H3FormShape Form = new(Customer, [new("F0000001", H3FieldKind.Text), new("F0000002", H3FieldKind.Text)]);

    public Task InitializeAsync()
    {
        fixture.Emulator.Clear();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_items_are_read_three_times_and_none_is_held_by_the_plan()
    {
        using var client = UpsertHarness.Client(fixture.Emulator);
        var readings = 0;
        var read = new List<WeakReference>();
        IEnumerable<IReadOnlyDictionary<string, object?>> ReadItems()
        {
            readings++;
            for (var i = 0; i < 1200; i++)
            {
                var item = Item(i, "first");
                read.Add(new WeakReference(item));
                yield return item;
            }
        }

        var plan = await client.PlanUpsertAsync(Form, ReadItems, ["F0000001"]);
        await CollectUntilGoneAsync(read);

        Assert.Equal(2, readings); // one to map the keys, one to compare
        Assert.Equal(2400, read.Count);
        Assert.DoesNotContain(read, static r => r.IsAlive);
        Assert.Equal(1200, plan.ToCreate);
        Assert.Equal(3, plan.LookupRequests); // ⌈1200 / 500⌉

        var results = await plan.ApplyAsync();

        Assert.Equal(3, readings);
        Assert.All(results, static r => Assert.Equal(UpsertOutcome.Created, r.Outcome));
        Assert.Equal(1200, fixture.Emulator.Count(Customer));
    }

    [Fact]
    public async Task An_item_changed_before_the_writes_fails_unwritten_and_the_others_are_written()
    {
        using var client = UpsertHarness.Client(fixture.Emulator);
        var readings = 0;
        IEnumerable<IReadOnlyDictionary<string, object?>> ReadItems()
        {
            readings++;
            return Enumerable.Range(0, 5).Select(i => Item(i, readings == 3 && i == 2 ? "changed" : "first"));
        }

        var plan = await client.PlanUpsertAsync(Form, ReadItems, ["F0000001"]);
        var results = await plan.ApplyAsync();

        Assert.Equal(UpsertOutcome.Failed, results[2].Outcome);
        Assert.Contains("changed between readings", results[2].Error!.Message, StringComparison.Ordinal);
        Assert.All(results.Where(static r => r.Index != 2), static r => Assert.Equal(UpsertOutcome.Created, r.Outcome));
        Assert.Equal(4, fixture.Emulator.Count(Customer));
        Assert.All(results.Where(static r => r.Index != 2), r => Assert.Equal("C-" + r.Index, (string?)fixture.Emulator.Find(Customer, r.ObjectId!)!["F0000001"]));
    }

    [Theory]
    [InlineData("a changed value")]
    [InlineData("one item fewer")]
    [InlineData("one item more")]
    public async Task Items_that_differ_between_the_plan_readings_are_refused_before_any_write(string change)
    {
        using var client = UpsertHarness.Client(fixture.Emulator);
        var readings = 0;
        IEnumerable<IReadOnlyDictionary<string, object?>> ReadItems()
        {
            var count = ++readings == 2 ? change switch { "one item fewer" => 599, "one item more" => 601, _ => 600 } : 600;
            return Enumerable.Range(0, count).Select(i => Item(i, readings == 2 && i == 550 && change == "a changed value" ? "changed" : "first"));
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => client.PlanUpsertAsync(Form, ReadItems, ["F0000001"]));

        Assert.Contains("changed between readings", refused.Message, StringComparison.Ordinal);
        var sent = Assert.Single(fixture.Emulator.Requests); // the first window's lookup, found whole; nothing else
        Assert.Equal(OpenApiActions.LoadBizObjects, sent.ActionName);
        Assert.Equal(0, fixture.Emulator.Count(Customer));
    }

    private static Dictionary<string, object?> Item(int i, string note) => new()
    {
        ["F0000001"] = "C-" + i,
        ["F0000002"] = note,
    };

    // The thread that completed the plan may still hold its finished state machine, and so the last item read,
    // for a moment after this test resumes on another thread. What the plan itself keeps never goes: a few
    // collections apart tell the two apart.
    private static async Task CollectUntilGoneAsync(List<WeakReference> read)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            if (!read.Exists(static r => r.IsAlive))
            {
                return;
            }

            await Task.Delay(10);
        }
    }
}
