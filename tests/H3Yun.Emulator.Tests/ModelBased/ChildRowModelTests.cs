using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CsCheck;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests.ModelBased;

/// <summary>
/// Random sequences of creates, updates of a field and of child rows, and removals, through the OpenApi, checked
/// after every step against a model of what each <see cref="ChildRowUpdateMode"/> promises, with the SQLite store
/// in memory and in a file. CsCheck shrinks a failing sequence and prints it with the seed to replay it.
/// </summary>
public class ChildRowModelTests
{
    private const string Order = EmulatorSession.OrderForm;
    private const string Lines = EmulatorSession.OrderLines;
    private static readonly string[] Items = ["螺丝", "螺母", "垫片", "bolt"];
    private static readonly decimal[] Quantities = [0.5m, 1m, 2.25m, 100m];

    [Theory]
    [InlineData(ChildRowUpdateMode.Replace, false)]
    [InlineData(ChildRowUpdateMode.MergeByObjectId, false)]
    [InlineData(ChildRowUpdateMode.ReplaceWithNewIds, false)]
    [InlineData(ChildRowUpdateMode.Replace, true)]
    [InlineData(ChildRowUpdateMode.MergeByObjectId, true)]
    public async Task Every_step_leaves_the_store_as_the_mode_promises(ChildRowUpdateMode mode, bool inFile)
    {
        using var folder = new TempFolder();
        var options = EmulatorSession.SchemaOptions();
        options.ChildRowUpdates = mode;
        options.DataFile = inFile ? folder.File("model.db") : null;
        await using var api = await EmulatorSession.StartAsync(options);

        await Operations.SampleAsync(
            async operations =>
            {
                api.Emulator.Clear();
                var model = new Model(mode);
                foreach (var operation in operations)
                {
                    await model.ApplyAsync(api, operation);
                    model.AssertMatches(api.Emulator);
                }
            },
            iter: LongRuns.Iterations(60),
            threads: 1,
            print: operations => string.Join(Environment.NewLine, operations.Select(operation => operation.ToString())));
    }

    private static Gen<Member<string?>> ItemMember { get; } = Gen.Int[0, 5].Select(i => i switch
    {
        0 => Member<string?>.NotSent,
        1 => new Member<string?>(true, null),
        _ => new Member<string?>(true, Items[i - 2]),
    });

    private static Gen<Member<decimal?>> QuantityMember { get; } = Gen.Int[0, 5].Select(i => i switch
    {
        0 => Member<decimal?>.NotSent,
        1 => new Member<decimal?>(true, null),
        _ => new Member<decimal?>(true, Quantities[i - 2]),
    });

    /// <summary>IdChoice: 0 sends no ObjectId, -1 an id no row has, k &gt; 0 the id of the record's row k-1 (mod the row count).</summary>
    private static Gen<RowSpec> Row { get; } = Gen.Select(Gen.Int[-1, 3], ItemMember, QuantityMember, (id, item, quantity) => new RowSpec(id, item, quantity));

    private static Gen<Operation> Step { get; } = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 20], Row.Array[0, 4], Gen.Int[0, 3], (kind, target, rows, title) => kind switch
    {
        <= 2 => (Operation)new Create(Items[title], rows),
        <= 4 => new UpdateTitle(target, Items[title]),
        <= 8 => new UpdateRows(target, rows),
        _ => new Remove(target),
    });

    private static Gen<Operation[]> Operations { get; } = Step.Array[1, 12];

    private sealed record Member<T>(bool Sent, T Value)
    {
        public static readonly Member<T> NotSent = new(false, default!);

        public override string ToString() => Sent ? $"{Value?.ToString() ?? "null"}" : "-";
    }

    private sealed record RowSpec(int IdChoice, Member<string?> Item, Member<decimal?> Quantity)
    {
        public override string ToString() => $"(id {IdChoice}, item {Item}, qty {Quantity})";
    }

    private abstract record Operation;

    private sealed record Create(string Title, RowSpec[] Rows) : Operation
    {
        public override string ToString() => $"Create {Title} [{string.Join(", ", Rows.AsEnumerable())}]";
    }

    private sealed record UpdateTitle(int Target, string Title) : Operation;

    private sealed record UpdateRows(int Target, RowSpec[] Rows) : Operation
    {
        public override string ToString() => $"UpdateRows #{Target} [{string.Join(", ", Rows.AsEnumerable())}]";
    }

    private sealed record Remove(int Target) : Operation;

    private sealed class ModelRow
    {
        public string? Id { get; set; }

        public Dictionary<string, JsonNode?> Members { get; } = new(StringComparer.Ordinal);
    }

    private sealed class ModelRecord
    {
        public required string Id { get; init; }

        public string? Title { get; set; }

        public List<ModelRow> Rows { get; set; } = [];
    }

    private sealed class Model(ChildRowUpdateMode mode)
    {
        private readonly List<ModelRecord> _records = [];

        public async Task ApplyAsync(EmulatorSession api, Operation operation)
        {
            switch (operation)
            {
                case Create create:
                    {
                        var (json, sentIds) = RowsJson(create.Rows, existing: []);
                        var envelope = await api.InvokeAsync(Body("CreateBizObject", null, $$"""{"F0000001":"{{create.Title}}","{{Lines}}":{{json}}}"""));
                        if (HasDuplicates(sentIds))
                        {
                            Assert.False((bool)envelope["Successful"]!);
                            return;
                        }

                        var id = (string)envelope["ReturnData"]!["BizObjectId"]!;
                        var record = new ModelRecord { Id = id, Title = create.Title, Rows = Expect(create.Rows, sentIds, existing: []) };
                        _records.Add(record);
                        Learn(api.Emulator, record, sentIds);
                        break;
                    }

                case UpdateTitle update when _records.Count > 0:
                    {
                        var record = _records[update.Target % _records.Count];
                        await api.SucceedAsync(Body("UpdateBizObject", record.Id, $$"""{"F0000001":"{{update.Title}}"}"""));
                        record.Title = update.Title;
                        break;
                    }

                case UpdateRows update when _records.Count > 0:
                    {
                        var record = _records[update.Target % _records.Count];
                        var (json, sentIds) = RowsJson(update.Rows, record.Rows);
                        var envelope = await api.InvokeAsync(Body("UpdateBizObject", record.Id, $$"""{"{{Lines}}":{{json}}}"""));
                        if (HasDuplicates(sentIds))
                        {
                            Assert.False((bool)envelope["Successful"]!, "two rows with one ObjectId must be refused");
                            return;
                        }

                        Assert.True((bool)envelope["Successful"]!, envelope.ToJsonString());
                        record.Rows = Expect(update.Rows, sentIds, record.Rows);
                        Learn(api.Emulator, record, sentIds);
                        break;
                    }

                case Remove remove when _records.Count > 0:
                    {
                        var record = _records[remove.Target % _records.Count];
                        await api.SucceedAsync($$"""{"ActionName":"RemoveBizObject","SchemaCode":"{{Order}}","BizObjectId":"{{record.Id}}"}""");
                        _records.Remove(record);
                        break;
                    }
            }
        }

        public void AssertMatches(H3YunEmulator emulator)
        {
            Assert.Equal(_records.Count, emulator.Count(Order));
            foreach (var record in _records)
            {
                var stored = emulator.Find(Order, record.Id)!;
                Assert.Equal(record.Title, (string?)stored["F0000001"]);
                var rows = stored[Lines]!.AsArray();
                Assert.Equal(record.Rows.Count, rows.Count);
                for (var i = 0; i < rows.Count; i++)
                {
                    var row = rows[i]!.AsObject();
                    Assert.Equal(record.Rows[i].Id, (string?)row["ObjectId"]);
                    Assert.Equal(record.Id, (string?)row["ParentObjectId"]);
                    foreach (var code in new[] { "F0000011", "F0000013" })
                    {
                        var expected = record.Rows[i].Members.GetValueOrDefault(code);
                        Assert.True(JsonNode.DeepEquals(expected, row[code]), $"row {i} {code}: expected {expected?.ToJsonString() ?? "null"}, stored {row[code]?.ToJsonString() ?? "null"}");
                    }
                }
            }
        }

        /// <summary>What the table must hold after the rows are sent; a row whose id the server chooses has Id null until learnt.</summary>
        private List<ModelRow> Expect(RowSpec[] specs, List<string?> sentIds, List<ModelRow> existing)
        {
            var expected = new List<ModelRow>();
            for (var i = 0; i < specs.Length; i++)
            {
                var stored = mode == ChildRowUpdateMode.MergeByObjectId && sentIds[i] is { } sent ? existing.Find(row => row.Id == sent) : null;
                var row = new ModelRow { Id = mode == ChildRowUpdateMode.ReplaceWithNewIds ? null : sentIds[i] };
                if (stored is not null)
                {
                    foreach (var (code, value) in stored.Members)
                    {
                        row.Members[code] = value?.DeepClone();
                    }
                }

                if (specs[i].Item.Sent)
                {
                    row.Members["F0000011"] = specs[i].Item.Value is { } item ? JsonValue.Create(item) : null;
                }

                if (specs[i].Quantity.Sent)
                {
                    row.Members["F0000013"] = specs[i].Quantity.Value is { } quantity ? JsonValue.Create(quantity) : null;
                }

                expected.Add(row);
            }

            return expected;
        }

        /// <summary>Takes the ids the server chose, after checking each is new: no id sent in this step, no other row's.</summary>
        private static void Learn(H3YunEmulator emulator, ModelRecord record, List<string?> sentIds)
        {
            var rows = emulator.Find(Order, record.Id)![Lines]!.AsArray();
            Assert.Equal(record.Rows.Count, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                if (record.Rows[i].Id is null)
                {
                    var chosen = (string)rows[i]!["ObjectId"]!;
                    Assert.True(Guid.TryParse(chosen, out _), chosen);
                    Assert.DoesNotContain(chosen, sentIds);
                    record.Rows[i].Id = chosen;
                }
            }

            Assert.Equal(record.Rows.Count, record.Rows.Select(row => row.Id).Distinct().Count());
        }

        private static (string Json, List<string?> SentIds) RowsJson(RowSpec[] specs, List<ModelRow> existing)
        {
            var rows = new JsonArray();
            var ids = new List<string?>();
            foreach (var spec in specs)
            {
                var row = new JsonObject();
                string? id = spec.IdChoice switch
                {
                    0 => null,
                    < 0 => Guid.NewGuid().ToString("D"),
                    _ when existing.Count > 0 => existing[(spec.IdChoice - 1) % existing.Count].Id,
                    _ => null,
                };
                if (id is not null)
                {
                    row["ObjectId"] = id;
                }

                if (spec.Item.Sent)
                {
                    row["F0000011"] = spec.Item.Value;
                }

                if (spec.Quantity.Sent)
                {
                    row["F0000013"] = spec.Quantity.Value;
                }

                rows.Add(row);
                ids.Add(id);
            }

            return (rows.ToJsonString(), ids);
        }

        private static bool HasDuplicates(List<string?> ids)
        {
            var sent = ids.OfType<string>().ToList();
            return sent.Count != sent.Distinct(StringComparer.OrdinalIgnoreCase).Count();
        }

        private static string Body(string action, string? id, string bizObject) => id is null
            ? $$"""{"ActionName":"{{action}}","SchemaCode":"{{Order}}","BizObject":{{EmulatorSession.Quote(bizObject)}},"IsSubmit":true}"""
            : $$"""{"ActionName":"{{action}}","SchemaCode":"{{Order}}","BizObjectId":"{{id}}","BizObject":{{EmulatorSession.Quote(bizObject)}}}""";
    }
}
