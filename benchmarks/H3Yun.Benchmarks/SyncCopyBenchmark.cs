using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using H3Yun.Emulator;
using H3Yun.Sync;

namespace H3Yun.Benchmarks;

/// <summary>
/// The database copy (H3Yun.Sync) against the emulator rate-limited to R requests per second, as ratios to the physical
/// limit: H3Yun answers at most 500 rows per request, so no copy can exceed 500 × R rows per second. Prints, for N
/// records spread over time (one every 1–5 seconds, as a form written through the day):
/// the full copy's rows per second over 500 × R; an idle incremental run's requests per form (the goal is 1); and the
/// copy's peak managed heap above the loaded emulator's (sampled every 20 ms), which must not grow with N.
/// Not a BenchmarkDotNet class: one copy takes seconds and is rate-limited by design; run it as
/// <c>dotnet run -c Release --project benchmarks/H3Yun.Benchmarks -- --sync 100000 20</c>.
/// </summary>
internal static class SyncCopyBenchmark
{
    private const string Form = "D000900Copy";

    private const string Schema = """
        { "SchemaCode": "D000900Copy", "DisplayName": "复制", "ClassName": "Copies", "Properties": [
          { "Name": "F0000001", "DisplayName": "标题", "DataType": "ShortString" },
          { "Name": "F0000002", "DisplayName": "金额", "DataType": "Double" },
          { "Name": "F0000003", "DisplayName": "日期", "DataType": "DateTime" },
          { "Name": "F0000004", "DisplayName": "完成", "DataType": "Bool" },
          { "Name": "F0000005", "DisplayName": "备注", "DataType": "String" } ] }
        """;

    public static async Task RunAsync(int records, double rate)
    {
        var folder = Directory.CreateTempSubdirectory("h3yun-sync-bench-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "schemas"));
            var schemaFile = Path.Combine(folder, "schemas", "Copy.h3form.json");
            await File.WriteAllTextAsync(schemaFile, Schema).ConfigureAwait(false);
            var options = new H3YunEmulatorOptions { RateLimit = rate, RateLimitRefusal = RateLimitRefusal.ApiError, RequestLogLimit = 100_000 };
            options.SchemaFiles.Add(schemaFile);
            var emulator = await H3YunEmulator.StartAsync(options).ConfigureAwait(false);
            await using var emulatorScope = emulator.ConfigureAwait(false);
            await emulator.ImportAsync(new MemoryStream(Seed(records))).ConfigureAwait(false);
            using var client = new H3YunClient(new H3YunClientOptions
            {
                BaseAddress = emulator.BaseAddress,
                EngineCode = emulator.EngineCode,
                EngineSecret = emulator.EngineSecret,
                RequestsPerSecond = rate,
            });
            var sync = new H3YunSync(client, new H3YunSyncOptions { SchemaFolder = Path.Combine(folder, "schemas"), Target = Path.Combine(folder, "copy.db") });

            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, 2 / rate))).ConfigureAwait(false); // let the emulator's bucket refill after the import
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            long peak = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                    await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
                }
            });
            var watch = Stopwatch.StartNew();
            var full = await sync.RunAsync().ConfigureAwait(false);
            watch.Stop();
            await sampling.CancelAsync().ConfigureAwait(false);
            await sampler.ConfigureAwait(false);

            var idle = await sync.RunAsync().ConfigureAwait(false);
            var rowsPerSecond = full.RowsUpserted / watch.Elapsed.TotalSeconds;
            var limit = 500 * rate;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                records {records:N0}, emulator and client at {rate} requests/s (physical limit {limit:N0} rows/s)
                full copy: {full.RowsUpserted:N0} rows in {watch.Elapsed.TotalSeconds:0.0} s, {full.Requests} requests ({full.RowsUpserted / (double)full.Requests:0} rows per request), {rowsPerSecond:N0} rows/s = {rowsPerSecond / limit:0.00} of 500 x R
                idle incremental run: {idle.Forms[0].Requests} request(s) per form
                peak managed heap during the copy above the loaded emulator: {(peak - baseline) / 1048576.0:0.0} MB
                emulator answers: {string.Join(", ", emulator.Requests.GroupBy(request => request.Outcome).Select(group => $"{group.Key} {group.Count()}"))}
                """));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>N records, one every 1–5 seconds of H3Yun time ending a day ago, in the emulator's seed layout (fixed seed).</summary>
    private static byte[] Seed(int records)
    {
        var random = new Random(25);
        var time = DateTime.UtcNow.AddHours(8).AddDays(-1).AddSeconds(-3.0 * records);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Format", "h3yun-emulator-seed/1");
            writer.WriteStartObject("Records");
            writer.WriteStartArray(Form);
            var id = new byte[16];
            for (var i = 0; i < records; i++)
            {
                time = time.AddSeconds(random.Next(1, 6));
                random.NextBytes(id);
                var stamp = time.ToString("yyyy/M/d H:mm:ss", CultureInfo.InvariantCulture);
                writer.WriteStartObject();
                writer.WriteString("ObjectId", new Guid(id).ToString("D"));
                writer.WriteString("CreatedTime", stamp);
                writer.WriteString("ModifiedTime", stamp);
                writer.WriteString("F0000001", "记录 " + i.ToString(CultureInfo.InvariantCulture));
                writer.WriteNumber("F0000002", i / 100m);
                writer.WriteString("F0000003", stamp);
                writer.WriteBoolean("F0000004", i % 2 == 0);
                writer.WriteString("F0000005", "备注，这是一条用于测量复制速度的记录。");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartArray("Attachments");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
