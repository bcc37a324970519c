using System.Globalization;
using System.Text.Json;
using CsCheck;
using H3Yun.Sync.Tests.Support;

namespace H3Yun.Sync.Tests;

/// <summary>
/// The copy's guarantee as a model-based test: random interleavings of creates, updates (with child-row edits),
/// deletes, bursts of more than 500 creates in one second, hundreds of creates over a few seconds (windows of more than
/// 500 rows that time can cut), writes stamped a little in the past, and sync runs, some
/// cancelled before a request or while a window is committed, some with writes landing while a window is being read,
/// some given answers that lack a few of an oversized window's rows.
/// After a final run with the reconcile the copy equals what the model wrote, field by field, child rows by ObjectId,
/// deleted records gone, no duplicate. On SQLite and on a real PostgreSQL server (a database per sequence). A failure
/// prints the shrunk sequence and the seed. CI runs 300 sequences on each; a long run with a new seed, on both:
/// <c>H3YUN_SYNC_MODEL_ITERATIONS=5000 H3YUN_SYNC_MODEL_SEED= dotnet test tests/H3Yun.Sync.Tests --filter SyncModelTests</c>.
/// </summary>
[Collection(PostgreSqlTestGroup.Name)]
public class SyncModelTests(PostgreSqlServer postgres)
{
    /// <summary>The sequences to run: the variable's count on both databases, else 300 on each.</summary>
    private static int Iterations(string dialect) =>
        int.TryParse(Environment.GetEnvironmentVariable("H3YUN_SYNC_MODEL_ITERATIONS"), CultureInfo.InvariantCulture, out var n) ? n : 300;

    private static string? Seed => Environment.GetEnvironmentVariable("H3YUN_SYNC_MODEL_SEED") is { } seed ? (seed.Length == 0 ? null : seed) : "0N0XIzNsQ0O2";

    [Theory]
    [InlineData("SQLite")]
    [InlineData("PostgreSQL")]
    public async Task After_any_interleaving_of_writes_and_interrupted_runs_a_final_run_equals_the_source(string dialect)
    {
        await Sequences.SampleAsync(
            async operations => await ExecuteAsync(operations, dialect == "PostgreSQL" ? await postgres.CreateDatabaseAsync() : null),
            iter: Iterations(dialect),
            seed: Seed,
            threads: 1,
            print: operations => string.Join(Environment.NewLine, operations));
    }

    private static Gen<(string, decimal)[]> LinesGen => Gen.Select(Gen.String[Gen.Char["xy品"], 1, 2], Gen.Int[0, 999]).Select((item, q) => (item, q / 8m)).Array[0, 3];

    private static Gen<Op> Operations => Gen.Frequency(
        (5, Gen.Select(Gen.Int[0, 999], LinesGen).Select((amount, lines) => (Op)new Create(amount / 4m, lines))),
        (4, Gen.Select(Gen.Int[0, 99], Gen.Int[0, 999], Gen.Bool, LinesGen).Select((pick, amount, editLines, lines) => (Op)new Update(pick, amount / 4m, editLines ? lines : null))),
        (2, Gen.Int[0, 99].Select(pick => (Op)new Delete(pick))),
        (4, Gen.Int[0, 3].Select(seconds => (Op)new Tick(seconds))),
        (1, Gen.Select(Gen.Int[0, 99], Gen.Int[1, 3]).Select((pick, back) => (Op)new LateUpdate(pick, back))),
        (4, Gen.Select(Gen.Int[0, 8], Gen.Bool, Gen.Int[0, 6], Gen.Int[0, 3], Gen.Int[0, 1000]).Select(
            (cancelAt, afterAnswer, writesAt, writes, seed) => (Op)new SyncRun(cancelAt == 0 ? null : cancelAt, afterAnswer, writesAt == 0 ? null : writesAt, writes, seed, Thin: seed % 4 == 1))),
        (1, Gen.Frequency((1, Gen.Int[501, 560].Select(n => (Op)new Burst(n))), (12, Gen.Const<Op>(new Tick(1))))),
        (1, Gen.Frequency((1, Gen.Select(Gen.Int[300, 1200], Gen.Int[20, 400]).Select((n, perSecond) => (Op)new Spread(n, perSecond))), (2, Gen.Const<Op>(new Tick(2))))));

    private static Gen<List<Op>> Sequences => Operations.List[1, 14];

    private static async Task ExecuteAsync(List<Op> operations, string? target)
    {
        await using var bench = await SyncBench.StartAsync(target);
        var model = new Dictionary<string, Expected>(StringComparer.Ordinal);
        var order = new List<string>();
        string? Pick(int pick) => order.Count == 0 ? null : order[pick % order.Count];

        async Task CreateAsync(decimal amount, (string, decimal)[] lines)
        {
            var title = "t" + order.Count.ToString(CultureInfo.InvariantCulture);
            var id = await bench.CreateAsync(title, amount, false, lines);
            model[id] = new Expected(title, amount, lines);
            order.Add(id);
        }

        async Task UpdateAsync(string id, decimal amount, (string, decimal)[]? lines)
        {
            var before = model[id];
            var title = before.Title + "'";
            await bench.UpdateAsync(id, title, amount, false, lines);
            model[id] = new Expected(title, amount, lines ?? before.Lines);
        }

        async Task DeleteAsync(string id)
        {
            await bench.RemoveAsync(id);
            model.Remove(id);
            order.Remove(id);
        }

        foreach (var operation in operations)
        {
            switch (operation)
            {
                case Create create:
                    await CreateAsync(create.Amount, create.Lines);
                    break;
                case Update update when Pick(update.Pick) is { } id:
                    await UpdateAsync(id, update.Amount, update.Lines);
                    break;
                case Delete delete when Pick(delete.Pick) is { } id:
                    await DeleteAsync(id);
                    break;
                case Tick tick:
                    bench.Clock.Advance(TimeSpan.FromSeconds(tick.Seconds) + TimeSpan.FromMilliseconds(137));
                    break;
                case LateUpdate late when Pick(late.Pick) is { } id:
                    // A write H3Yun stamps a little in the past (a slow transaction): the overlap must catch it.
                    bench.Clock.Advance(-TimeSpan.FromSeconds(late.Back));
                    await UpdateAsync(id, model[id].Amount + 1, null);
                    bench.Clock.Advance(TimeSpan.FromSeconds(late.Back));
                    break;
                case Burst burst:
                    for (var i = 0; i < burst.Count; i++)
                    {
                        await CreateAsync(i, []);
                    }

                    break;
                case Spread spread:
                    // Many records over several seconds (an import): windows of more than 500 rows that time can cut,
                    // whose answers come in ascending time, so that a run proves the rows below a cut by the next count.
                    for (var i = 0; i < spread.Count; i++)
                    {
                        await CreateAsync(i, i % 7 == 0 ? [("s", 1m)] : []);
                        if ((i + 1) % spread.PerSecond == 0)
                        {
                            bench.Clock.Advance(TimeSpan.FromSeconds(1));
                        }
                    }

                    bench.Clock.Advance(TimeSpan.FromSeconds(5));
                    break;
                case SyncRun run:
                    await RunAsync(bench, run, order, CreateAsync, UpdateAsync, DeleteAsync);
                    break;
            }
        }

        bench.Clock.Advance(TimeSpan.FromSeconds(3));
        bench.Hook.Before = null;
        bench.Hook.After = null;
        await bench.NewSync(reconcile: true).RunAsync();
        Compare(bench, model);
    }

    private static async Task RunAsync(
        SyncBench bench,
        SyncRun run,
        List<string> order,
        Func<decimal, (string, decimal)[], Task> create,
        Func<string, decimal, (string, decimal)[]?, Task> update,
        Func<string, Task> delete)
    {
        using var cancel = new CancellationTokenSource();
        var random = new Random(run.Seed);
        var start = bench.Hook.Sent;
        bench.Hook.Before = async number =>
        {
            var n = number - start;
            if (n == run.WritesAt)
            {
                // Writes that land while a window is being read: edits of records that may sit in it, new records, deletions.
                for (var i = 0; i < run.Writes; i++)
                {
                    switch (random.Next(3))
                    {
                        case 0 when order.Count > 0:
                            await update(order[random.Next(order.Count)], random.Next(100), random.Next(2) == 0 ? [("w", 1m)] : null);
                            break;
                        case 1 when order.Count > 0:
                            await delete(order[random.Next(order.Count)]);
                            break;
                        default:
                            await create(random.Next(100), []);
                            break;
                    }
                }
            }

            if (n == run.CancelAt && !run.AfterAnswer)
            {
                await cancel.CancelAsync();
            }
        };
        bench.Hook.After = number =>
        {
            if (number - start == run.CancelAt && run.AfterAnswer)
            {
                cancel.Cancel(); // the answer is in: the window's commit sees the cancellation
            }
        };
        if (run.Thin)
        {
            // An oversized window's answer is any 500 of its rows, in any order: here it lacks a few, in ascending order
            // still, so that a cut after them looks right and only the next count can show the gap.
            bench.Hook.Rewrite = body => Thin(body, random);
        }

        try
        {
            await bench.NewSync(reconcile: run.Seed % 3 == 0).RunAsync(cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // interrupted: the next run resumes from the committed cursor
        }
        finally
        {
            bench.Hook.Before = null;
            bench.Hook.After = null;
            bench.Hook.Rewrite = null;
        }
    }

    /// <summary>Drops about one row in 30 from an answer that counted more than 500 rows.</summary>
    private static string Thin(string body, Random random)
    {
        var envelope = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        if (envelope["ReturnData"] is System.Text.Json.Nodes.JsonObject data && (long?)data["TotalCount"] > 500 && data["BizObjectArray"] is System.Text.Json.Nodes.JsonArray rows)
        {
            for (var i = rows.Count - 1; i >= 0; i--)
            {
                if (random.Next(30) == 0)
                {
                    rows.RemoveAt(i);
                }
            }
        }

        return envelope.ToJsonString();
    }

    private static void Compare(SyncBench bench, Dictionary<string, Expected> model)
    {
        var rows = bench.Rows("SELECT \"ObjectId\", 标题, 金额, _json FROM \"Orders\"");
        Assert.Equal(model.Keys.Order(StringComparer.Ordinal), rows.Select(row => (string)row["ObjectId"]!).Order(StringComparer.Ordinal));
        var lines = bench.Rows("SELECT \"ObjectId\", \"ParentObjectId\", 品名, 数量 FROM \"Orders_Lines\" ORDER BY \"ParentObjectId\", _row_index")
            .GroupBy(row => (string)row["ParentObjectId"]!)
            .ToDictionary(group => group.Key, group => group.ToList());
        foreach (var row in rows)
        {
            var id = (string)row["ObjectId"]!;
            var expected = model[id];
            Assert.Equal(expected.Title, row["标题"]);
            Assert.Equal(expected.Amount, decimal.Parse((string)row["金额"]!, CultureInfo.InvariantCulture));
            var stored = bench.Emulator.Find(SyncBench.Form, id)!;
            using var json = JsonDocument.Parse((string)row["_json"]!);
            Assert.Equal(((string)stored["ModifiedTime"]!).Trim(), json.RootElement.GetProperty("ModifiedTime").GetString());
            var copiedLines = lines.GetValueOrDefault(id) ?? [];
            Assert.Equal(expected.Lines.Select(line => (line.Item1, line.Item2)), copiedLines.Select(line => ((string)line["品名"]!, decimal.Parse((string)line["数量"]!, CultureInfo.InvariantCulture))));
            var storedRowIds = (stored[SyncBench.Lines]?.AsArray() ?? []).Select(line => (string)line!["ObjectId"]!);
            Assert.Equal(storedRowIds, copiedLines.Select(line => (string)line["ObjectId"]!));
        }

        Assert.Equal(model.Values.Sum(record => record.Lines.Length), bench.Scalar("SELECT COUNT(*) FROM \"Orders_Lines\""));
    }

    private sealed record Expected(string Title, decimal Amount, (string, decimal)[] Lines);

    private abstract record Op;

    private sealed record Create(decimal Amount, (string, decimal)[] Lines) : Op
    {
        public override string ToString() => $"Create({Amount}, {Lines.Length} lines)";
    }

    private sealed record Update(int Pick, decimal Amount, (string, decimal)[]? Lines) : Op
    {
        public override string ToString() => $"Update(#{Pick}, {Amount}, {(Lines is null ? "lines kept" : $"{Lines.Length} lines")})";
    }

    private sealed record Delete(int Pick) : Op;

    private sealed record Tick(int Seconds) : Op;

    private sealed record LateUpdate(int Pick, int Back) : Op;

    private sealed record Burst(int Count) : Op;

    private sealed record Spread(int Count, int PerSecond) : Op;

    private sealed record SyncRun(int? CancelAt, bool AfterAnswer, int? WritesAt, int Writes, int Seed, bool Thin) : Op;
}
