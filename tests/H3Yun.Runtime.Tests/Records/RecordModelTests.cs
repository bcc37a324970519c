using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;
using H3Yun.Emulator;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// Model-based proof that nothing is lost or changed by accident: random sequences of creates, loads, partial loads,
/// updates of fields, people and associations, row additions, edits and removals, and deletes, sent through the
/// generated repository to the emulator; after every step the stored record must equal what the user's operations
/// intend, field by field, rows by ObjectId. A failure prints the shrunk sequence and its seed.
/// </summary>
/// <remarks>
/// CI runs <see cref="Iterations"/> sequences with a fixed seed. For a long run:
/// <c>H3YUN_MODEL_ITERATIONS=100000 H3YUN_MODEL_SEED= dotnet test tests/H3Yun.Runtime.Tests --filter RecordModelTests</c>
/// (an empty seed draws a new one; a failure prints the seed that reproduces it).
/// </remarks>
public sealed class RecordModelTests : IAsyncLifetime
{
    private static readonly string[] People = [EmulatorOrganization.AdminUserId, "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "9b2d3c1a-77aa-4a0e-b6c5-2f6b1d0e4c77"];

    private readonly Dictionary<ChildRowUpdateMode, (H3YunEmulator Emulator, H3YunClient Client)> _servers = [];
    private string[] _customers = [];

    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("H3YUN_MODEL_ITERATIONS"), CultureInfo.InvariantCulture, out var n) ? n : 1000;

    private static string? Seed => Environment.GetEnvironmentVariable("H3YUN_MODEL_SEED") is { } seed ? (seed.Length == 0 ? null : seed) : "0N0XIzNsQ0O2";

    public async Task InitializeAsync()
    {
        foreach (var mode in new[] { ChildRowUpdateMode.Replace, ChildRowUpdateMode.MergeByObjectId, ChildRowUpdateMode.ReplaceWithNewIds })
        {
            var options = new H3YunEmulatorOptions { ChildRowUpdates = mode };
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schemas"), "*.h3form.json"))
            {
                options.SchemaFiles.Add(file);
            }

            var emulator = await H3YunEmulator.StartAsync(options);
            var client = new H3YunClient(new H3YunClientOptions
            {
                BaseAddress = emulator.BaseAddress,
                EngineCode = emulator.EngineCode,
                EngineSecret = emulator.EngineSecret,
                RequestsPerSecond = null,
            });
            _servers[mode] = (emulator, client);
        }

        // The same two customers exist on both servers, under their own ids; sequences pick them by position.
        var customers = new List<string>();
        foreach (var (emulator, client) in _servers.Values)
        {
            var repository = new CustomerRepository(client);
            customers.Add((await repository.CreateAsync(new Customer { CustomerName = "甲" })).ObjectId);
            customers.Add((await repository.CreateAsync(new Customer { CustomerName = "乙" })).ObjectId);
        }

        _customers = [.. customers];
    }

    public async Task DisposeAsync()
    {
        foreach (var (emulator, client) in _servers.Values)
        {
            client.Dispose();
            await emulator.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(ChildRowUpdateMode.Replace)]
    [InlineData(ChildRowUpdateMode.MergeByObjectId)]
    [InlineData(ChildRowUpdateMode.ReplaceWithNewIds)]
    public async Task Every_sequence_of_operations_stores_exactly_what_the_user_intended(ChildRowUpdateMode mode)
    {
        var (emulator, client) = _servers[mode];
        var customers = mode switch
        {
            ChildRowUpdateMode.Replace => _customers[..2],
            ChildRowUpdateMode.MergeByObjectId => _customers[2..4],
            _ => _customers[4..],
        };
        var exercised = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await Sequences.SampleAsync(
            async operations => await new Run(emulator, new AllTypesRepository(client), customers, exercised, keepsRowIds: mode != ChildRowUpdateMode.ReplaceWithNewIds).ExecuteAsync(operations),
            iter: Iterations,
            seed: Seed,
            print: operations => string.Join(Environment.NewLine, operations));

        // An operation whose guard never held (no working copy, no such row) was skipped, not tested: each kind must
        // have run a fair share of the time, so that a generator change cannot quietly stop exercising one.
        var minimum = Math.Max(1, Iterations / 20);
        string[] kinds = [nameof(Create), nameof(Update), nameof(UpdateById), nameof(Load), nameof(LoadWithoutTable), nameof(AddRow), nameof(EditRow), nameof(ReassignRow), nameof(RemoveRow), nameof(Delete), "RefusedTable"];
        Assert.All(kinds, kind => Assert.True(exercised.GetValueOrDefault(kind) >= minimum, $"{kind} ran {exercised.GetValueOrDefault(kind)} times in {Iterations} sequences, fewer than {minimum}"));
    }

    private static Gen<Change> Changes => Gen.OneOf(
        Gen.String[Gen.Char["ab中文 "], 0, 4].Select(text => new Change(Field.Text, text)),
        Gen.Int[-500, 500].Select(cents => new Change(Field.Amount, cents / 100m)),
        Gen.Int[0, 400].Select(days => new Change(Field.Due, new DateTime(2026, 1, 1, 9, 30, 0).AddDays(days))),
        Gen.Bool.Select(flag => new Change(Field.Done, flag)),
        Gen.Int[0, People.Length - 1].Select(pick => new Change(Field.Owner, pick)),
        Gen.Int[0, 1].Select(pick => new Change(Field.Customer, pick)),
        Gen.Const(new Change(Field.Text, null)),
        Gen.Const(new Change(Field.Owner, null)));

    private static Gen<Op> Operations => Gen.Frequency(
        (3, Changes.List[1, 3].Select(changes => (Op)new Update(changes))),
        (2, Changes.List[1, 2].Select(changes => (Op)new UpdateById(changes))),
        (2, Gen.Const<Op>(new Load())),
        (1, Gen.Const<Op>(new LoadWithoutTable())),
        (3, Gen.Select(Gen.String[Gen.Char["xyz品"], 1, 3], Gen.Int[0, 50], Gen.Int[0, People.Length - 1], Gen.Int[0, 1])
            .Select((item, quantity, handler, customer) => (Op)new AddRow(item, quantity, handler, customer))),
        (2, Gen.Select(Gen.Int[0, 4], Gen.Int[0, 50]).Select((row, quantity) => (Op)new EditRow(row, quantity))),
        (1, Gen.Select(Gen.Int[0, 4], Gen.Int[0, People.Length - 1]).Select((row, handler) => (Op)new ReassignRow(row, handler))),
        (1, Gen.Int[0, 4].Select(row => (Op)new RemoveRow(row))),
        (1, Gen.Const<Op>(new Delete())));

    private static Gen<List<Op>> Sequences =>
        Gen.Select(Changes.List[0, 4], Gen.Int[0, 2], Operations.List[1, 10])
            .Select((fields, rows, rest) => (List<Op>)[new Create(fields, rows), .. rest]);

    private enum Field
    {
        Text,
        Amount,
        Due,
        Done,
        Owner,
        Customer,
    }

    private sealed record Change(Field Field, object? Value)
    {
        public override string ToString() => $"{Field}={Value ?? "null"}";
    }

    private abstract record Op;

    private sealed record Create(List<Change> Fields, int Rows) : Op
    {
        public override string ToString() => $"Create({string.Join(", ", Fields)}; {Rows} rows)";
    }

    private sealed record Update(List<Change> Changes) : Op
    {
        public override string ToString() => $"Update({string.Join(", ", Changes)})";
    }

    private sealed record UpdateById(List<Change> Changes) : Op
    {
        public override string ToString() => $"UpdateById({string.Join(", ", Changes)})";
    }

    private sealed record Load : Op;

    private sealed record LoadWithoutTable : Op;

    private sealed record AddRow(string Item, int Quantity, int Handler, int Customer) : Op;

    private sealed record EditRow(int Row, int Quantity) : Op;

    private sealed record ReassignRow(int Row, int Handler) : Op;

    private sealed record RemoveRow(int Row) : Op;

    private sealed record Delete : Op;

    /// <summary>
    /// A row as the model sees it: <paramref name="StoredId"/> is the id H3Yun holds for it (null: H3Yun must give it a
    /// new one, never seen before in the record, at the next write), <paramref name="ClientId"/> the id the user's working
    /// copy holds (null for a row the client created: it learns row ids only by loading).
    /// </summary>
    private sealed record RowModel(string? StoredId, string? ClientId, string? Item, decimal? Quantity, string? Handler, string? Customer);

    /// <summary>One sequence: the user's working copy, and the model of what H3Yun should hold.</summary>
    private sealed class Run(H3YunEmulator emulator, AllTypesRepository records, string[] customers, System.Collections.Concurrent.ConcurrentDictionary<string, int> exercised, bool keepsRowIds)
    {
        private readonly Dictionary<Field, object?> _fields = [];
        private readonly List<RowModel> _rows = [];
        private readonly HashSet<string> _seenRowIds = [];
        private string _id = string.Empty;
        private bool _deleted;
        private AllTypes? _working;
        private bool _workingHasTable;

        public async Task ExecuteAsync(List<Op> operations)
        {
            foreach (var operation in operations)
            {
                if (_deleted)
                {
                    break;
                }

                await ApplyAsync(operation);
                CheckStored(operation);
            }
        }

        private async Task ApplyAsync(Op operation)
        {
            if (await ApplyIfPossibleAsync(operation))
            {
                exercised.AddOrUpdate(operation.GetType().Name, 1, static (_, n) => n + 1);
            }
        }

        // Whether the operation ran: one that needs a working copy or a row that is not there is skipped.
        private async Task<bool> ApplyIfPossibleAsync(Op operation)
        {
            switch (operation)
            {
                case Create create:
                    var record = new AllTypes();
                    Assign(record, create.Fields);
                    for (var i = 0; i < create.Rows; i++)
                    {
                        record.Rows.Add(NewRow($"r{i}", i, 0, 0));
                        _rows.Add(new RowModel(null, null, $"r{i}", i, People[0], customers[0]));
                    }

                    _id = (await records.CreateAsync(record)).ObjectId;
                    Remember(create.Fields);
                    (_working, _workingHasTable) = (record, true);
                    return true;
                case Load:
                    _working = await records.LoadAsync(_id);
                    _workingHasTable = true;
                    for (var i = 0; i < _rows.Count; i++)
                    {
                        _rows[i] = _rows[i] with { ClientId = _rows[i].StoredId };
                    }

                    CheckLoaded(_working!);
                    return true;
                case LoadWithoutTable:
                    _working = (await records.QueryAsync(new H3Query<AllTypes>
                    {
                        Where = AllTypes.Where.ObjectId.EqualTo(_id),
                        Select = [AllTypes.Where.ShortText, AllTypes.Where.Amount, AllTypes.Where.Owner],
                    })).Items.Single();
                    _workingHasTable = false;
                    return true;
                case Update update when _working is not null:
                    Assign(_working, update.Changes);
                    await records.UpdateAsync(_working);
                    Remember(update.Changes);
                    return true;
                case UpdateById update:
                    var changes = new AllTypes();
                    Assign(changes, update.Changes);
                    await records.UpdateAsync(_id, changes);
                    Remember(update.Changes);
                    return true;
                case AddRow add when _working is not null:
                    _working.Rows.Add(NewRow(add.Item, add.Quantity, add.Handler, add.Customer));
                    await UpdateTableAsync(rows => rows.Add(new RowModel(null, null, add.Item, add.Quantity, People[add.Handler], customers[add.Customer])));
                    return true;
                case EditRow edit when _working is not null && edit.Row < _working.Rows.Count:
                    _working.Rows[edit.Row].Quantity = edit.Quantity;
                    await UpdateTableAsync(rows => rows[edit.Row] = rows[edit.Row] with { Quantity = edit.Quantity });
                    return true;
                case ReassignRow reassign when _working is not null && reassign.Row < _working.Rows.Count:
                    _working.Rows[reassign.Row].Handler = People[reassign.Handler];
                    await UpdateTableAsync(rows => rows[reassign.Row] = rows[reassign.Row] with { Handler = People[reassign.Handler] });
                    return true;
                case RemoveRow remove when _working is not null && remove.Row < _working.Rows.Count:
                    _working.Rows.RemoveAt(remove.Row);
                    await UpdateTableAsync(rows => rows.RemoveAt(remove.Row));
                    return true;
                case Delete:
                    await records.DeleteAsync(_id);
                    _deleted = true;
                    return true;
                default:
                    return false;
            }
        }

        // A table that was not loaded must be refused, untouched; one that was is stored as the user left it.
        private async Task UpdateTableAsync(Action<List<RowModel>> intended)
        {
            if (!_workingHasTable)
            {
                await Assert.ThrowsAsync<InvalidOperationException>(() => records.UpdateAsync(_working!));
                exercised.AddOrUpdate("RefusedTable", 1, static (_, n) => n + 1);
                _working = null;
                return;
            }

            await records.UpdateAsync(_working!);
            intended(_rows);

            // The table is sent whole. A row sent with the id the client loaded keeps it (Replace and MergeByObjectId); a
            // row the client created has no id to send and gets a new one; where H3Yun rebuilds the table every row does.
            for (var i = 0; i < _rows.Count; i++)
            {
                _rows[i] = _rows[i] with { StoredId = keepsRowIds ? _rows[i].ClientId : null };
            }
        }

        private AllTypes.Row NewRow(string item, int quantity, int handler, int customer) =>
            new() { Item = item, Quantity = quantity, Handler = People[handler], Customer = new H3Ref<Customer>(customers[customer]) };

        private void Assign(AllTypes record, List<Change> changes)
        {
            foreach (var change in changes)
            {
                switch (change.Field)
                {
                    case Field.Text: record.ShortText = (string?)change.Value; break;
                    case Field.Amount: record.Amount = (decimal?)change.Value; break;
                    case Field.Due: record.DueDate = (DateTime?)change.Value; break;
                    case Field.Done: record.Done = (bool?)change.Value; break;
                    case Field.Owner: record.Owner = change.Value is int person ? People[person] : null; break;
                    case Field.Customer: record.Customer = change.Value is int pick ? new H3Ref<Customer>(customers[pick]) : (H3Ref<Customer>?)null; break;
                }
            }
        }

        private void Remember(List<Change> changes)
        {
            foreach (var change in changes)
            {
                _fields[change.Field] = change.Field switch
                {
                    Field.Owner => change.Value is int person ? People[person] : null,
                    Field.Customer => change.Value is int pick ? customers[pick] : null,
                    _ => change.Value,
                };
            }
        }

        private void CheckStored(Op after)
        {
            var stored = emulator.Find(AllTypes.SchemaCode, _id);
            if (_deleted)
            {
                Assert.True(stored is null, $"after {after}: the record still exists");
                return;
            }

            Assert.True(stored is not null, $"after {after}: the record is gone");
            Expect(after, AllTypes.Fields.ShortText, _fields.GetValueOrDefault(Field.Text), stored);
            Expect(after, AllTypes.Fields.Amount, _fields.GetValueOrDefault(Field.Amount), stored);
            Expect(after, AllTypes.Fields.DueDate, _fields.GetValueOrDefault(Field.Due) is DateTime due ? due.ToString("yyyy/M/d H:mm:ss", CultureInfo.InvariantCulture) : null, stored);
            Expect(after, AllTypes.Fields.Done, _fields.GetValueOrDefault(Field.Done), stored);
            Expect(after, AllTypes.Fields.Owner, _fields.GetValueOrDefault(Field.Owner), stored);
            Expect(after, AllTypes.Fields.Customer, _fields.GetValueOrDefault(Field.Customer), stored);

            var rows = stored[AllTypes.Fields.Rows] as JsonArray ?? [];
            Assert.True(rows.Count == _rows.Count, $"after {after}: {rows.Count} rows stored, {_rows.Count} intended");
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i]!;
                var id = (string?)row["ObjectId"];
                if (_rows[i].StoredId is { } kept)
                {
                    Assert.True(kept == id, $"after {after}: row {i} is {id ?? "null"}, the model says it keeps {kept}");
                }
                else
                {
                    // A new id: present, and never held by a row of this record before (the model learns it here).
                    Assert.True(!string.IsNullOrEmpty(id), $"after {after}: row {i} has no ObjectId");
                    Assert.True(_seenRowIds.Add(id), $"after {after}: row {i} was to get a new id, and has {id}, which a row of the record held before");
                }

                Expect(after, AllTypes.Row.Fields.Item, _rows[i].Item, row, i);
                Expect(after, AllTypes.Row.Fields.Quantity, _rows[i].Quantity, row, i);
                Expect(after, AllTypes.Row.Fields.Handler, _rows[i].Handler, row, i);
                Expect(after, AllTypes.Row.Fields.Customer, _rows[i].Customer, row, i);
                _rows[i] = _rows[i] with { StoredId = id };
            }
        }

        // What the user reads back is what the model says H3Yun holds: ids for people, not their names.
        private void CheckLoaded(AllTypes loaded)
        {
            Assert.Equal(_fields.GetValueOrDefault(Field.Text) is string { Length: > 0 } text ? text : null, loaded.ShortText is { Length: > 0 } read ? read : null);
            Assert.Equal(_fields.GetValueOrDefault(Field.Amount), loaded.Amount);
            Assert.Equal(_fields.GetValueOrDefault(Field.Due), loaded.DueDate);
            Assert.Equal(_fields.GetValueOrDefault(Field.Done), loaded.Done);
            Assert.Equal(_fields.GetValueOrDefault(Field.Owner), loaded.Owner);
            Assert.Equal(_fields.GetValueOrDefault(Field.Customer), loaded.Customer?.ObjectId);
            Assert.Equal(_rows.Select(r => (r.StoredId, r.Item, r.Quantity, r.Handler, r.Customer)), loaded.Rows.Select(r => (r.ObjectId, r.Item, r.Quantity, r.Handler, r.Customer?.ObjectId)));
        }

        private static void Expect(Op after, string code, object? intended, JsonNode stored, int? row = null)
        {
            var value = stored[code];
            var actual = value?.GetValueKind() switch
            {
                System.Text.Json.JsonValueKind.Number => (object?)value.GetValue<decimal>(),
                System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => value.GetValue<bool>(),
                System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
                _ => null,
            };
            var expected = intended is string { Length: 0 } ? null : intended;
            actual = actual is string { Length: 0 } ? null : actual;
            Assert.True(Equals(expected, actual), $"after {after}: {(row is { } i ? $"row {i} " : string.Empty)}{code} is {actual ?? "null"}, intended {expected ?? "null"}");
        }
    }
}
