using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using H3Yun.Benchmarks.OfficialWay;
using H3Yun.Benchmarks.Records;

namespace H3Yun.Benchmarks;

/// <summary>
/// The whole CreateBizObject request body, as the bytes that go on the wire: the record's BizObject JSON is itself a
/// JSON string inside the envelope, so every way writes it, escapes it into the envelope and ends with UTF-8. The
/// generated record through the runtime's own path (what <c>CreateAsync</c> sends), against the official samples'
/// way: Newtonsoft over a dictionary for the record, again for the envelope, then <c>Encoding.UTF8</c> (what
/// <c>StringContent</c> does).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class WriteBodyBenchmarks
{
    private BenchOrder _record = null!;
    private BenchOrderPoco _poco = null!;

    [GlobalSetup]
    public void Setup()
    {
        _record = BenchOrderSamples.Record(seed: 7);
        _poco = BenchOrderSamples.Poco(seed: 7);
        using var generated = JsonDocument.Parse(Generated());
        using var official = JsonDocument.Parse(Newtonsoft());
        Equivalence.CheckWrites(
            Encoding.UTF8.GetBytes(generated.RootElement.GetProperty("BizObject").GetString()!),
            official.RootElement.GetProperty("BizObject").GetString()!,
            SystemTextJsonWay.WriteBizObject(_poco));
    }

    [Benchmark(Baseline = true, Description = "Newtonsoft, record and envelope, then UTF-8 (official samples)")]
    public byte[] Newtonsoft() => Encoding.UTF8.GetBytes(NewtonsoftWay.CreateBizObjectBody(BenchOrder.SchemaCode, _poco));

    [Benchmark(Description = "generated record, CreateAsync's body")]
    public byte[] Generated() =>
        OpenApiRequestWriter.Write(
            OpenApiRequest.CreateBizObject(
                BenchOrder.SchemaCode, OpenApiRequestWriter.Serialize(_record, WritePurpose.Create, H3YunTimeZones.ChinaStandardTime), isSubmit: true),
            H3YunTimeZones.ChinaStandardTime);
}
