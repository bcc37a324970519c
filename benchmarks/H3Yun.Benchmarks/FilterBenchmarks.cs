using BenchmarkDotNet.Attributes;

namespace H3Yun.Benchmarks;

/// <summary>
/// Writing the official nested Filter example (H3Yun's LoadBizObjects page, docs/protocol.md#matcher: an And of three groups, SeqNo equal, Title equal,
/// Like contains) to its JSON text: typed, from the generated <c>Where</c> handles (the condition built and written
/// each time), against the string a caller builds by hand with interpolation, the fastest way there is and the
/// one that escapes nothing.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class FilterBenchmarks
{
    // Instance fields, so that the compiler cannot fold the hand-built string into a constant.
    private readonly string _seqNo = "201900000001";
    private readonly string _title = "标1";
    private readonly string _like = "选项2";

    [GlobalSetup]
    public void Setup()
    {
        if (!System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(HandBuilt()), System.Text.Json.Nodes.JsonNode.Parse(Typed())))
        {
            throw new InvalidOperationException($"The benchmark compares different filters:\n{HandBuilt()}\n{Typed()}");
        }
    }

    [Benchmark(Baseline = true, Description = "hand-built string")]
    public string HandBuilt() =>
        $$"""{"FromRowNum":0,"ToRowNum":500,"Matcher":{"Type":"And","Matchers":[{"Type":"And","Matchers":[{"Type":"Item","Name":"SeqNo","Operator":2,"Value":"{{_seqNo}}"}]},{"Type":"And","Matchers":[{"Type":"Item","Name":"Title","Operator":2,"Value":"{{_title}}"}]},{"Type":"Or","Matchers":[{"Type":"Item","Name":"Like","Operator":8,"Value":"{{_like}}"}]}]},"SortByCollection":[],"RequireCount":false,"ReturnItems":[]}""";

    [Benchmark(Description = "typed: TestFilter.Where")]
    public string Typed() => FilterWriter.ToJson(new H3Query<TestFilter>
    {
        Where = Condition.All(
            Condition.All(TestFilter.Where.SeqNo.EqualTo(_seqNo)),
            Condition.All(TestFilter.Where.Title.EqualTo(_title)),
            Condition.Any(TestFilter.Where.Like.Contains(_like))),
    }.ToFilter());
}
