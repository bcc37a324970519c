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
/// copy's peak live managed heap above the loaded emulator's (a full collection every 100 ms, during a second copy),
/// which must not grow with N.
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
            // The request log keeps one request: kept answers (500 rows each) would grow with N and count as the copy's memory.
            var options = new H3YunEmulatorOptions { RateLimit = rate, RateLimitRefusal = RateLimitRefusal.ApiError, RequestLogLimit = 1 };
            options.SchemaFiles.Add(schemaFile);
            var emulator = await H3YunEmulator.StartAsync(options).ConfigureAwait(false);
            await using var emulatorScope = emulator.ConfigureAwait(false);
            await emulator.ImportAsync(new MemoryStream(Seed(records))).ConfigureAwait(false);
            using var sends = new SendCounter();
            using var http = new HttpClient(sends);
            using var client = new H3YunClient(http, new H3YunClientOptions
            {
                BaseAddress = emulator.BaseAddress,
                EngineCode = emulator.EngineCode,
                EngineSecret = emulator.EngineSecret,
                RequestsPerSecond = rate,
            });
            var committed = new CommitLog();
            var sync = new H3YunSync(client, new H3YunSyncOptions { SchemaFolder = Path.Combine(folder, "schemas"), Target = Path.Combine(folder, "copy.db"), Progress = committed });

            // One query as the copy's first, so that the emulator's parsed records and ModifiedTime index (its own memory,
            // kept between writes) exist before the baseline: the peak measured is then the copy's.
            await client.InvokeAsync(OpenApiRequest.LoadBizObjects(Form, new Filter
            {
                FromRowNum = 0,
                ToRowNum = 1,
                RequireCount = true,
                // Above (0) 2000-01-01: the type's name is ambiguous here, as the generator's assembly is referenced too.
                Matcher = Matcher.And(Matcher.Item("ModifiedTime", default, new DateTime(2000, 1, 1))),
            })).ConfigureAwait(false);
            sends.Count = 0;
            sends.Busy = TimeSpan.Zero;
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, 2 / rate))).ConfigureAwait(false); // let the emulator's bucket refill after the import
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var full = await sync.RunAsync().ConfigureAwait(false);
            watch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var fullSends = sends.Count;
            var fullBusy = sends.Busy;
            var perRequest = committed.PerRequest();
            committed.Clear();
            var idle = await sync.RunAsync().ConfigureAwait(false);

            // The memory, by a second full copy into another file: the heap after a full collection every 100 ms (what is
            // alive, the loaded emulator's records excepted), since the heap between collections is mostly garbage whose
            // amount follows the collector's budget, which grows with the emulator's heap, not with what the copy holds.
            var again = new H3YunSync(client, new H3YunSyncOptions { SchemaFolder = Path.Combine(folder, "schemas"), Target = Path.Combine(folder, "again.db") });
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, 2 / rate))).ConfigureAwait(false);
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            long peak = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                    await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
                }
            });
            var copiedAgain = await again.RunAsync().ConfigureAwait(false);
            await sampling.CancelAsync().ConfigureAwait(false);
            await sampler.ConfigureAwait(false);
            var rowsPerSecond = full.RowsUpserted / watch.Elapsed.TotalSeconds;
            var limit = 500 * rate;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                records {records:N0}, emulator and client at {rate} requests/s (physical limit {limit:N0} rows/s)
                full copy: {full.RowsUpserted:N0} rows in {watch.Elapsed.TotalSeconds:0.0} s, {full.Requests} requests ({full.RowsUpserted / (double)full.Requests:0} rows per request), {rowsPerSecond:N0} rows/s = {rowsPerSecond / limit:0.00} of 500 x R
                CPU time of the process (emulator, client, copy) during the copy: {cpu.TotalMilliseconds / full.Requests:0} ms per request, against the budget's {1000 / rate:0} ms between requests; {Environment.ProcessorCount} cores, load average {LoadAverage()}
                requests by rows committed: {perRequest.Count(rows => rows >= 450)} with 450-500, {perRequest.Count(rows => rows is > 0 and < 450)} with 1-449, {perRequest.Count(rows => rows == 0)} with none; HTTP sends {fullSends} (retries {fullSends - full.Requests}), {fullBusy.TotalMilliseconds / fullSends:0} ms each from send to the answer read (the emulator's work and the transfer), the rest of the {watch.Elapsed.TotalMilliseconds / fullSends:0} ms per request: the budget's wait, parsing, the database
                idle incremental run: {idle.Forms[0].Requests} request(s) per form
                peak live managed heap during a second full copy ({copiedAgain.RowsUpserted:N0} rows), above the loaded emulator, a full collection every 100 ms: {(peak - baseline) / 1048576.0:0.0} MB
                """));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The machine's load average over the last minute (Linux), or "?".</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>The rows each request of the copy committed, from the progress reported after each window.</summary>
    private sealed class CommitLog : IProgress<SyncProgress>
    {
        private readonly List<(long Requests, long Rows)> _reports = [];

        public void Report(SyncProgress value)
        {
            lock (_reports)
            {
                _reports.Add((value.Requests, value.RowsUpserted));
            }
        }

        public void Clear()
        {
            lock (_reports)
            {
                _reports.Clear();
            }
        }

        /// <summary>Rows committed per request, in order (a request whose rows a later one proved counts at that later one).</summary>
        public List<long> PerRequest()
        {
            lock (_reports)
            {
                var result = new List<long>();
                long requests = 0, rows = 0;
                foreach (var report in _reports)
                {
                    for (var r = requests + 1; r < report.Requests; r++)
                    {
                        result.Add(0);
                    }

                    if (report.Requests > requests)
                    {
                        result.Add(report.Rows - rows);
                    }
                    else if (result.Count > 0)
                    {
                        result[^1] += report.Rows - rows;
                    }

                    (requests, rows) = (report.Requests, report.Rows);
                }

                return result;
            }
        }
    }

    /// <summary>Counts the HTTP requests the client sends (retries included).</summary>
    private sealed class SendCounter() : DelegatingHandler(new SocketsHttpHandler())
    {
        public int Count { get; set; }

        /// <summary>Time from sending to the answer read whole, summed over the requests.</summary>
        public TimeSpan Busy { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Count++;
            var started = Stopwatch.GetTimestamp();
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            Busy += Stopwatch.GetElapsedTime(started);
            return response;
        }
    }

    /// <summary>N records, one every 1–5 seconds of H3Yun time ending a day ago, in the emulator's seed layout (fixed seed).</summary>
    private static byte[] Seed(int records)
    {
        var random = new Random(25);
        var time = DateTime.UtcNow.AddHours(8).AddDays(-1).AddSeconds(-3.0 * records);
        var id = new byte[16];
        return EmulatorSeed.Write(Form, records, (writer, i) =>
        {
            time = time.AddSeconds(random.Next(1, 6));
            random.NextBytes(id);
            var stamp = time.ToString("yyyy/M/d H:mm:ss", CultureInfo.InvariantCulture);
            writer.WriteString("ObjectId", new Guid(id).ToString("D"));
            writer.WriteString("CreatedTime", stamp);
            writer.WriteString("ModifiedTime", stamp);
            writer.WriteString("F0000001", "记录 " + i.ToString(CultureInfo.InvariantCulture));
            writer.WriteNumber("F0000002", i / 100m);
            writer.WriteString("F0000003", stamp);
            writer.WriteBoolean("F0000004", i % 2 == 0);
            writer.WriteString("F0000005", "备注，这是一条用于测量复制速度的记录。");
        });
    }
}
