namespace H3Yun.Runtime.Tests.Upsert;

/// <summary>
/// The untyped upsert (<c>client.UpsertManyAsync(form, items, key)</c>): items as field code → value, with values in
/// the shapes a spreadsheet gives, compared with what the emulator stores in one normal form per kind.
/// </summary>
public class UntypedUpsertTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string AllTypes = "D000024AllTypes";
    private const string UserId = "0a8b6f6e-3c1d-4a0e-9f2b-1c2d3e4f5a6b";
    private const string OtherUserId = "1b9c7a7f-4d2e-4b1f-8a3c-2d3e4f5a6b7c";

    private static readonly H3FormShape Form = new(AllTypes,
    [
        new("F0000001", H3FieldKind.Text),
        new("F0000005", H3FieldKind.MultiText),
        new("F0000006", H3FieldKind.Number),
        new("F0000007", H3FieldKind.WholeNumber),
        new("F0000009", H3FieldKind.DateTime),
        new("F0000010", H3FieldKind.Boolean),
        new("F0000011", H3FieldKind.Unit),
        new("F0000012", H3FieldKind.UnitList),
        new("F0000014", H3FieldKind.Association),
        new("D000024FAllTypesRows", H3FieldKind.ChildTable, [new("F0000031", H3FieldKind.Text), new("F0000033", H3FieldKind.Number), new("F0000034", H3FieldKind.DateTime)]),
    ]);

    public Task InitializeAsync()
    {
        fixture.Emulator.Clear();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Values_as_a_spreadsheet_gives_them_equal_what_H3Yun_stores_so_the_same_items_again_write_nothing()
    {
        using var client = UpsertHarness.Client(fixture.Emulator);
        var items = new[] { Item("K-1", 1.50m), Item("K-2", 2m) };

        var first = await client.UpsertManyAsync(Form, items, ["F0000001"]);
        var (again, requests) = await UpsertHarness.CountAsync(fixture.Emulator, () => client.UpsertManyAsync(Form, items, ["F0000001"]));

        Assert.All(first, r => Assert.Equal(UpsertOutcome.Created, r.Outcome));
        Assert.All(again, r => Assert.Equal(UpsertOutcome.Unchanged, r.Outcome));
        Assert.Equal(1, requests); // the lookup only
        // The same values in other shapes: 1.5 for 1.50, a DateTime for the text, a list for the ;-text, "true" for true.
        var reshaped = new Dictionary<string, object?>(items[0])
        {
            ["F0000006"] = 1.5,
            ["F0000009"] = new DateTime(2026, 1, 5, 8, 30, 0),
            ["F0000005"] = new[] { "周一", " 周三 " },
            ["F0000010"] = "true",
            ["F0000012"] = new List<string> { UserId, OtherUserId },
        };
        Assert.Equal(UpsertOutcome.Unchanged, (await client.UpsertManyAsync(Form, [reshaped], ["F0000001"]))[0].Outcome);
    }

    [Fact]
    public async Task A_changed_value_updates_only_its_field_and_a_child_table_is_sent_whole()
    {
        using var client = UpsertHarness.Client(fixture.Emulator);
        await client.UpsertManyAsync(Form, [Item("K-1", 1m)], ["F0000001"]);
        var changed = new Dictionary<string, object?>(Item("K-1", 3m))
        {
            ["D000024FAllTypesRows"] = new List<IReadOnlyDictionary<string, object?>> { Row("甲", 9m) },
        };

        var plan = await client.PlanUpsertAsync(Form, [changed], ["F0000001"]);
        var planned = Assert.Single(plan.Items);
        var (results, requests) = await UpsertHarness.CountAsync(fixture.Emulator, () => plan.ApplyAsync());

        Assert.Equal(UpsertOutcome.Updated, planned.Outcome);
        Assert.Equal(["F0000006", "D000024FAllTypesRows"], planned.ChangedFields);
        Assert.Equal((0, 1, 0, 1), (plan.ToCreate, plan.ToUpdate, plan.Unchanged, plan.LookupRequests));
        Assert.Equal(UpsertOutcome.Updated, results[0].Outcome);
        Assert.Equal(1, requests);
        var update = fixture.Emulator.Requests.Last(r => r.ActionName == OpenApiActions.UpdateBizObject);
        Assert.DoesNotContain("F0000009", update.Body, StringComparison.Ordinal);
        Assert.Equal(UpsertOutcome.Unchanged, (await client.UpsertManyAsync(Form, [changed], ["F0000001"]))[0].Outcome);
        await Assert.ThrowsAsync<InvalidOperationException>(() => plan.ApplyAsync());
    }

    [Fact]
    public async Task A_value_of_the_wrong_shape_or_an_unknown_code_is_refused_before_any_request()
    {
        using var client = UpsertHarness.Client(fixture.Emulator);
        var before = fixture.Emulator.Requests.Count;

        var wrong = await Assert.ThrowsAsync<ArgumentException>(() => client.UpsertManyAsync(Form, [new Dictionary<string, object?> { ["F0000001"] = "K", ["F0000009"] = "not a date" }], ["F0000001"]));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => client.UpsertManyAsync(Form, [new Dictionary<string, object?> { ["F0000001"] = "K", ["F9999999"] = "x" }], ["F0000001"]));
        var key = await Assert.ThrowsAsync<ArgumentException>(() => client.UpsertManyAsync(Form, [Item("K", 1m)], ["F0000005"]));

        Assert.Contains("Item 0, field F0000009", wrong.Message, StringComparison.Ordinal);
        Assert.Contains("F9999999", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be part of a key", key.Message, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Emulator.Requests.Count);
    }

    private static Dictionary<string, object?> Item(string key, decimal amount) => new()
    {
        ["F0000001"] = key,
        ["F0000005"] = "周一;周三",
        ["F0000006"] = amount,
        ["F0000007"] = 7L,
        ["F0000009"] = "2026-01-05 08:30:00",
        ["F0000010"] = true,
        ["F0000011"] = UserId,
        ["F0000012"] = UserId + ";" + OtherUserId,
        ["F0000014"] = null,
        ["D000024FAllTypesRows"] = new List<IReadOnlyDictionary<string, object?>> { Row("甲", 1.25m), Row("乙", 2m) },
    };

    private static Dictionary<string, object?> Row(string name, decimal quantity) => new()
    {
        ["F0000031"] = name,
        ["F0000033"] = quantity,
        ["F0000034"] = "2026/1/6",
    };
}
