using BenchmarkDotNet.Attributes;
using H3Yun.Benchmarks.OfficialWay;
using H3Yun.Benchmarks.Records;

namespace H3Yun.Benchmarks;

/// <summary>
/// Writing one record of 50 fields and a child table of 20 rows to the JSON of a BizObject, from the object that holds
/// the values: the generated record through the runtime's own write path (what <c>CreateAsync</c> sends), against the
/// official samples' way (the values copied into a <c>Dictionary&lt;string, object&gt;</c>, dates formatted by hand,
/// Newtonsoft.Json) and System.Text.Json reflection over an attributed POCO; and a method written by hand for this
/// one record, straight into UTF-8, to show the floor any writer of it has.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class WriteBenchmarks
{
    private BenchOrder _record = null!;
    private BenchOrderPoco _poco = null!;

    [GlobalSetup]
    public void Setup()
    {
        _record = BenchOrderSamples.Record(seed: 7);
        _poco = BenchOrderSamples.Poco(seed: 7);
        Equivalence.CheckWrites(Generated().ToArray(), Newtonsoft(), SystemTextJson());
        Equivalence.CheckWrite(Generated().ToArray(), HandWritten(), "The hand-written method");
    }

    [Benchmark(Baseline = true, Description = "Newtonsoft over Dictionary<string, object> (official samples)")]
    public string Newtonsoft() => NewtonsoftWay.WriteBizObject(_poco);

    [Benchmark(Description = "System.Text.Json reflection over a POCO")]
    public byte[] SystemTextJson() => SystemTextJsonWay.WriteBizObject(_poco);

    [Benchmark(Description = "hand-written UTF-8 for this one record (the floor)")]
    public byte[] HandWritten() => HandWrittenUtf8Way.WriteBizObject(_poco);

    [Benchmark(Description = "generated record")]
    public ReadOnlyMemory<byte> Generated() =>
        OpenApiRequestWriter.Serialize(_record, WritePurpose.Create, H3YunTimeZones.ChinaStandardTime);
}
