using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using H3Yun.OpenApi;
using H3Yun.Spreadsheets;
using MiniExcelLibs;

namespace H3Yun.Benchmarks;

/// <summary>
/// The memory of <c>h3yun import</c>'s path (<see cref="SpreadsheetReader"/>, then <c>PlanUpsertAsync</c> over a
/// reader of the sheet and <see cref="UpsertPlan.ApplyAsync"/>): N rows of 6 fields, every one already in H3Yun and
/// every tenth with a changed price, read from .xlsx and .csv. H3Yun is a stand-in in the same process that holds
/// nothing: it answers each lookup with the records of the keys asked, made from the keys, so that the heap measured
/// is the import's. The baseline, in the same run, is the same sheet's rows held in memory, as an import that plans
/// from a list holds them. The figures are the peak live managed heap above the start (after a full collection, every
/// 100 ms and at the end), the import's over the baseline's, and the bytes per row each keeps; never a time. Not a
/// BenchmarkDotNet class:
/// <c>dotnet run -c Release --project benchmarks/H3Yun.Benchmarks -- --import 10000 100000</c>.
/// </summary>
internal static class ImportMemoryBenchmark
{
    private const string SchemaCode = "D000900Stock";
    private const string Schema = """
        {
          "SchemaCode": "D000900Stock", "DisplayName": "库存",
          "Properties": [
            { "Name": "F0000001", "DisplayName": "物料号", "DataType": "ShortString" },
            { "Name": "F0000002", "DisplayName": "名称", "DataType": "ShortString" },
            { "Name": "F0000003", "DisplayName": "单价", "DataType": "Double" },
            { "Name": "F0000004", "DisplayName": "数量", "DataType": "Int" },
            { "Name": "F0000005", "DisplayName": "入库", "DataType": "DateTime" },
            { "Name": "F0000006", "DisplayName": "在用", "DataType": "Bool" }
          ]
        }
        """;

    /// <summary>Imports each size from .xlsx and .csv and prints the peaks, ratios and bytes per row.</summary>
    /// <param name="sizes">The row counts, e.g. 10,000 and 100,000.</param>
    /// <returns>The work.</returns>
    public static async Task RunAsync(IReadOnlyList<int> sizes)
    {
        var folder = Directory.CreateTempSubdirectory("h3yun-import-bench-").FullName;
        try
        {
            var schema = Path.Combine(folder, "Stock.h3form.json");
            await File.WriteAllTextAsync(schema, Schema).ConfigureAwait(false);
            foreach (var extension in new[] { ".xlsx", ".csv" })
            {
                var peaks = new List<(int Size, long Import, long Held)>();
                foreach (var size in sizes)
                {
                    var file = Path.Combine(folder, "stock" + extension);
                    Write(file, size);
                    var import = await ImportAsync(schema, file, size).ConfigureAwait(false);
                    var held = await HeldAsync(schema, file).ConfigureAwait(false);
                    peaks.Add((size, import, held));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{extension} {size,9:N0} rows: import peak {import / 1048576.0,6:0.0} MB, rows held (baseline) {held / 1048576.0,6:0.0} MB, import / baseline = {(double)import / held:0.00}"));
                    File.Delete(file);
                }

                var (small, large) = (peaks[0], peaks[^1]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{extension}: import peak at {large.Size:N0} / at {small.Size:N0} = {(double)large.Import / Math.Max(1, small.Import):0.00}; "
                    + $"growth per row: import {(large.Import - small.Import) / (double)(large.Size - small.Size):0} B, rows held {(large.Held - small.Held) / (double)(large.Size - small.Size):0} B"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // What h3yun import does, without its report: validate, plan from a reader of the sheet, apply.
    private static async Task<long> ImportAsync(string schema, string file, int size)
    {
        using var http = new HttpClient(new StandIn(), disposeHandler: true);
        using var client = new H3YunClient(http, new H3YunClientOptions
        {
            BaseAddress = InMemoryH3Yun.Address,
            EngineCode = "benchmark-engine",
            EngineSecret = "benchmark-secret",
            RequestsPerSecond = null,
        });
        var heap = HeapSampler.Start(live: true);
        await using var heapScope = heap.ConfigureAwait(false);
        var reader = SpreadsheetReader.Open(schema, file, new SpreadsheetReadOptions { Keys = ["物料号"] });
        var plan = await client.PlanUpsertAsync(SpreadsheetForms.Shape(schema), () => reader.Rows().Select(static r => r.Values), reader.KeyCodes).ConfigureAwait(false);
        var results = await plan.ApplyAsync().ConfigureAwait(false);
        var peak = await heap.StopAsync().ConfigureAwait(false);
        var updated = results.Count(static r => r.Outcome == UpsertOutcome.Updated);
        return updated == size / 10 && results.Count == size
            ? peak
            : throw new InvalidOperationException($"The import updated {updated} of {results.Count} rows; {size / 10} differ.");
    }

    // The baseline: the sheet's rows, read and held as a list of dictionaries.
    private static async Task<long> HeldAsync(string schema, string file)
    {
        var heap = HeapSampler.Start(live: true);
        await using var heapScope = heap.ConfigureAwait(false);
        var reader = SpreadsheetReader.Open(schema, file, new SpreadsheetReadOptions { Keys = ["物料号"] });
        var rows = reader.Rows().Select(static r => new Dictionary<string, object?>(r.Values, StringComparer.Ordinal)).ToList();
        var peak = await heap.StopAsync().ConfigureAwait(false);
        GC.KeepAlive(rows);
        return peak;
    }

    private static IEnumerable<Dictionary<string, object>> Rows(int size) => Enumerable.Range(0, size).Select(static i => new Dictionary<string, object>
    {
        ["物料号"] = Key(i),
        ["名称"] = "六角螺栓 M" + (i % 40).ToString(CultureInfo.InvariantCulture),
        ["单价"] = Price(i) + (i % 10 == 0 ? 1m : 0m),
        ["数量"] = i % 1000,
        ["入库"] = Received(i),
        ["在用"] = i % 2 == 0,
    });

    private static void Write(string file, int size)
    {
        if (file.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            MiniExcel.SaveAs(file, Rows(size), overwriteFile: true);
            return;
        }

        using var writer = new StreamWriter(file);
        writer.WriteLine("物料号,名称,单价,数量,入库,在用");
        foreach (var row in Rows(size))
        {
            writer.WriteLine(string.Join(',', row.Values.Select(static v => v switch
            {
                DateTime date => date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString(),
            })));
        }
    }

    // H3Yun holding every key's record, as the sheet has it but for every tenth price: made from the key on demand.
    private sealed class StandIn : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var body = JsonDocument.Parse(await request.Content!.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            var action = body.RootElement.GetProperty("ActionName").GetString();
            var answer = new StringBuilder("""{"Successful":true,"ErrorMessage":null,"Logined":false,"ReturnData":""");
            if (action == OpenApiActions.LoadBizObjects)
            {
                using var filter = JsonDocument.Parse(body.RootElement.GetProperty("Filter").GetString()!);
                var matcher = filter.RootElement.GetProperty("Matcher");
                var keys = (matcher.TryGetProperty("Matchers", out var matchers) ? matchers[0] : matcher).GetProperty("Value").EnumerateArray().Select(static k => k.GetString()!).ToList();
                answer.Append("""{"BizObjectArray":[""");
                for (var n = 0; n < keys.Count; n++)
                {
                    var i = int.Parse(keys[n].AsSpan(2), CultureInfo.InvariantCulture);
                    answer.Append(n == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""
                        {"ObjectId":"{{new Guid(i, 0, 0, new byte[8]):D}}","F0000001":"{{keys[n]}}","F0000002":"六角螺栓 M{{i % 40}}","F0000003":{{Price(i)}},"F0000004":{{i % 1000}},"F0000005":"{{Received(i):yyyy/M/d H:mm:ss}}","F0000006":{{(i % 2 == 0 ? "true" : "false")}}}
                        """);
                }

                answer.Append(CultureInfo.InvariantCulture, $$"""],"TotalCount":{{keys.Count}}}""");
            }
            else
            {
                answer.Append("{}");
            }

            answer.Append(""","DataType":0}""");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer.ToString(), Encoding.UTF8, "application/json") };
        }
    }

    private static string Key(int i) => "M-" + i.ToString("0000000", CultureInfo.InvariantCulture);

    private static decimal Price(int i) => 0.25m * (i % 400);

    private static DateTime Received(int i) => new DateTime(2026, 1, 1, 8, 0, 0).AddMinutes(i);
}
