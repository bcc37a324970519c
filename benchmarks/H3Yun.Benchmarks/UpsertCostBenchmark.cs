using System.Globalization;
using System.Text.Json;
using H3Yun.Emulator;

namespace H3Yun.Benchmarks;

/// <summary>
/// <c>UpsertManyAsync</c>'s requests against the fewest any by-key write can make, counted at the emulator: with n
/// items, c of them new and u changed, no writer can do with fewer than ⌈n/500⌉ lookups (H3Yun answers at most 500
/// rows), ⌈c/CreateBatchSize⌉ creates and u updates (H3Yun updates one record per request). At 1–2 requests per second
/// the requests are what users wait for, so the ratio is the figure. A second run of the same items must send only
/// the lookups. Also prints the peak managed heap above the loaded emulator's, for 10,000 and 100,000 items.
/// Not a BenchmarkDotNet class: <c>dotnet run -c Release --project benchmarks/H3Yun.Benchmarks -- --upsert 10000</c>.
/// </summary>
internal static class UpsertCostBenchmark
{
    public static async Task RunAsync(int items)
    {
        var options = new H3YunEmulatorOptions { RequestLogLimit = 1_000_000, EngineCode = "upsert-bench" };
        options.SchemaFiles.Add(FindSchema("BenchOrder.h3form.json"));
        var emulator = await H3YunEmulator.StartAsync(options).ConfigureAwait(false);
        await using var emulatorScope = emulator.ConfigureAwait(false);

        // A third of the keys are new; of the rest, every other record differs in one field.
        var existing = items * 2 / 3;
        await emulator.ImportAsync(new MemoryStream(Seed(existing))).ConfigureAwait(false);
        var wanted = Enumerable.Range(0, items).Select(i => new BenchOrder
        {
            Text01 = Key(i),
            Text02 = "客户 " + (i % 97).ToString(CultureInfo.InvariantCulture),
            Amount01 = i < existing && i % 2 == 1 ? i + 0.5m : i,
        }).ToList();
        var changed = Enumerable.Range(0, existing).Count(i => i % 2 == 1);
        var created = items - existing;

        using var client = new H3YunClient(new H3YunClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            EngineCode = emulator.EngineCode,
            EngineSecret = emulator.EngineSecret,
            RequestsPerSecond = null,
        });
        var orders = new BenchOrderRepository(client);
        var minimum = Lookups(items) + Math.Ceiling(created / (double)client.Options.CreateBatchSize) + changed;

        var (first, firstRequests, peak) = await MeasureAsync(emulator, () => orders.UpsertManyAsync(wanted, key: BenchOrder.Where.Text01)).ConfigureAwait(false);
        var (again, againRequests, _) = await MeasureAsync(emulator, () => orders.UpsertManyAsync(wanted, key: BenchOrder.Where.Text01)).ConfigureAwait(false);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            items {items:N0}: {created:N0} new, {changed:N0} changed, {existing - changed:N0} unchanged (CreateBatchSize {client.Options.CreateBatchSize})
            first run: {Describe(first)}; {Count(firstRequests)} requests = {firstRequests.Count / minimum:0.000} of the minimum {minimum:N0}
            same items again: {Describe(again)}; {Count(againRequests)} requests = {againRequests.Count / (double)Lookups(items):0.000} of the minimum {Lookups(items)} (lookups only)
            peak managed heap during the first run above the loaded emulator: {peak / 1048576.0:0.0} MB
            """));
    }

    private static int Lookups(int items) => (items + 499) / 500;

    private static async Task<(IReadOnlyList<UpsertItemResult> Results, List<string> Requests, long Peak)> MeasureAsync(H3YunEmulator emulator, Func<Task<IReadOnlyList<UpsertItemResult>>> run)
    {
        var before = emulator.Requests.Count;
        var heap = HeapSampler.Start();
        await using var heapScope = heap.ConfigureAwait(false);
        var results = await run().ConfigureAwait(false);
        var peak = await heap.StopAsync().ConfigureAwait(false);
        var requests = emulator.Requests.Skip(before).Select(request => request.ActionName ?? request.Path).ToList();
        return (results, requests, peak);
    }

    private static string Describe(IReadOnlyList<UpsertItemResult> results) =>
        string.Join(", ", results.GroupBy(result => result.Outcome).OrderBy(group => group.Key).Select(group => $"{group.Key} {group.Count():N0}"));

    private static string Count(List<string> requests) =>
        string.Create(CultureInfo.InvariantCulture, $"{requests.Count:N0} ({string.Join(", ", requests.GroupBy(action => action).Select(group => $"{group.Key} {group.Count():N0}"))})");

    private static string Key(int i) => "SO-" + i.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>The records the first <paramref name="records"/> items should find, in the emulator's seed layout.</summary>
    private static byte[] Seed(int records) => EmulatorSeed.Write(BenchOrder.SchemaCode, records, static (writer, i) =>
    {
        writer.WriteString("ObjectId", new Guid(i, 0, 0, new byte[8]).ToString("D"));
        writer.WriteString("F0000001", Key(i));
        writer.WriteString("F0000002", "客户 " + (i % 97).ToString(CultureInfo.InvariantCulture));
        writer.WriteNumber("F0000021", i);
    });

    private static string FindSchema(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "benchmarks", "H3Yun.Benchmarks", "Forms", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{name} not found above {AppContext.BaseDirectory}: run the benchmark from the repository.");
    }
}
