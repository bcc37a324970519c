using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using H3Yun.Spreadsheets;

namespace H3Yun.Benchmarks;

/// <summary>
/// The memory of <c>h3yun export</c>'s writing (<see cref="SpreadsheetWriter"/>): N records of 12 fields with two
/// child rows each, handed over in batches of 500 as H3Yun.Sync's windows hand them, written to .xlsx and to .csv.
/// The peak managed heap above the start (sampled every 20 ms) must not grow with N: the figure is the ratio of the
/// peaks at the two sizes, never a time. Not a BenchmarkDotNet class: one run writes for seconds.
/// </summary>
internal static class ExportWriteBenchmark
{
    private const string Schema = """
        {
          "SchemaCode": "D000900Order", "DisplayName": "订单",
          "Properties": [
            { "Name": "F0000001", "DisplayName": "订单号", "DataType": "ShortString" },
            { "Name": "F0000002", "DisplayName": "备注", "DataType": "String" },
            { "Name": "F0000003", "DisplayName": "金额", "DataType": "Double" },
            { "Name": "F0000004", "DisplayName": "数量", "DataType": "Int" },
            { "Name": "F0000005", "DisplayName": "交期", "DataType": "DateTime" },
            { "Name": "F0000006", "DisplayName": "已付", "DataType": "Bool" },
            { "Name": "F0000007", "DisplayName": "级别", "DataType": "ShortString", "Options": ["普通", "VIP"] },
            { "Name": "F0000008", "DisplayName": "渠道", "DataType": "ShortString", "Options": ["线上", "门店", "电话"], "Multiple": true },
            { "Name": "F0000009", "DisplayName": "负责人", "DataType": "Unit" },
            { "Name": "F0000010", "DisplayName": "协办", "DataType": "UnitArray" },
            { "Name": "F0000011", "DisplayName": "客户", "DataType": "Association" },
            { "Name": "F0000012", "DisplayName": "流水", "DataType": "Long" },
            { "Name": "D000900Lines", "DisplayName": "明细", "DataType": "BizObjectArray", "ChildSchema": { "SchemaCode": "D000900Lines", "Properties": [
              { "Name": "F0000021", "DisplayName": "产品", "DataType": "ShortString" },
              { "Name": "F0000022", "DisplayName": "单价", "DataType": "Double" },
              { "Name": "F0000023", "DisplayName": "日期", "DataType": "DateTime" } ] } }
          ]
        }
        """;

    /// <summary>Writes each size to .xlsx and .csv and prints the peaks and their ratios.</summary>
    /// <param name="sizes">The record counts, e.g. 10,000 and 100,000.</param>
    /// <returns>The work.</returns>
    public static async Task RunAsync(IReadOnlyList<int> sizes)
    {
        var folder = Directory.CreateTempSubdirectory("h3yun-export-bench-").FullName;
        try
        {
            var schema = Path.Combine(folder, "Order.h3form.json");
            await File.WriteAllTextAsync(schema, Schema).ConfigureAwait(false);
            var writer = SpreadsheetWriter.Open(schema, new SpreadsheetWriteOptions { Keys = ["订单号"] });
            var peaks = new Dictionary<(string, int), long>();
            foreach (var extension in new[] { ".xlsx", ".csv" })
            {
                await MeasureAsync(writer, Path.Combine(folder, "warm" + extension), 1000).ConfigureAwait(false);
                foreach (var size in sizes)
                {
                    var file = Path.Combine(folder, $"orders{size}{extension}");
                    var (peak, seconds) = await MeasureAsync(writer, file, size).ConfigureAwait(false);
                    peaks[(extension, size)] = peak;
                    Console.WriteLine(
                        $"{extension} {size,9:N0} records ({size * 2:N0} child rows): peak managed heap above the start {peak / 1048576.0,6:0.0} MB, "
                        + $"{seconds:0.0} s ({size / seconds:N0} records/s), file {new FileInfo(file).Length / 1048576.0:0.0} MB");
                    File.Delete(file);
                }

                Console.WriteLine($"{extension}: peak at {sizes[^1]:N0} / peak at {sizes[0]:N0} = {(double)peaks[(extension, sizes[^1])] / Math.Max(1, peaks[(extension, sizes[0])]):0.00}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(long Peak, double Seconds)> MeasureAsync(SpreadsheetWriter writer, string file, int size)
    {
        var heap = HeapSampler.Start();
        await using var heapScope = heap.ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await writer.WriteAsync(file, Batches(size)).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        return (await heap.StopAsync().ConfigureAwait(false), seconds);
    }

    // Batches of 500 records as LoadBizObjects answers them (numbers as text, dates as H3Yun answers them, people with companions).
    private static async IAsyncEnumerable<IReadOnlyList<JsonElement>> Batches(int size, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var start = 0; start < size; start += 500)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                for (var n = start; n < Math.Min(size, start + 500); n++)
                {
                    var id = $"{n:x8}-0000-4000-8000-000000000000";
                    json.WriteStartObject();
                    json.WriteString("ObjectId", id);
                    json.WriteString("F0000001", $"SO-{n:0000000}");
                    json.WriteString("F0000002", "备注：请在工作日送货，联系前台。");
                    json.WriteString("F0000003", (n * 1.25m).ToString(CultureInfo.InvariantCulture));
                    json.WriteNumber("F0000004", n % 1000);
                    json.WriteString("F0000005", new DateTime(2026, 1, 1).AddMinutes(n).ToString("yyyy/M/d H:mm:ss", CultureInfo.InvariantCulture));
                    json.WriteBoolean("F0000006", n % 2 == 0);
                    json.WriteString("F0000007", n % 3 == 0 ? "VIP" : "普通");
                    json.WriteString("F0000008", "线上;电话");
                    json.WriteString("F0000009", "张三");
                    json.WriteStartObject("F0000009Object");
                    json.WriteString("ObjectId", "u-0001");
                    json.WriteString("Name", "张三");
                    json.WriteEndObject();
                    json.WriteString("F0000010", "u-0002;u-0003");
                    json.WriteString("F0000011", $"{n % 500:x8}-1111-4000-8000-000000000000");
                    json.WriteNumber("F0000012", 9_000_000_000L + n);
                    json.WriteStartArray("D000900Lines");
                    for (var line = 0; line < 2; line++)
                    {
                        json.WriteStartObject();
                        json.WriteString("ObjectId", $"{n:x8}-{line:x4}-4000-8000-111111111111");
                        json.WriteString("F0000021", "螺丝 M" + line);
                        json.WriteNumber("F0000022", 0.25m + line);
                        json.WriteString("F0000023", "2026/1/5 9:30:00");
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            var document = JsonDocument.Parse(buffer.ToArray());
            yield return [.. document.RootElement.EnumerateArray()];
            await Task.Yield();
        }
    }
}
