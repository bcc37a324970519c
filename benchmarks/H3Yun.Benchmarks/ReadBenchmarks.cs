using System.Text;
using BenchmarkDotNet.Attributes;
using H3Yun.Benchmarks.OfficialWay;
using H3Yun.Benchmarks.Records;

namespace H3Yun.Benchmarks;

/// <summary>
/// Reading a LoadBizObjects answer of 500 records of 50 fields, in H3Yun's read format (<see cref="ReadAnswer"/>),
/// from the HTTP answer into typed records. Each way sends its request through an <see cref="HttpClient"/> over the
/// same in-memory handler and reads the answer's stream: the generated repository through the runtime's real path
/// (transport, envelope, records), the official samples' way (the answer as text, Newtonsoft.Json into dictionaries,
/// values converted by hand), and System.Text.Json reflection streaming into attributed POCOs. With
/// <see cref="KnownLength"/> false the answer comes without a Content-Length, as a streamed (chunked) answer does.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ReadBenchmarks : IDisposable
{
    private InMemoryH3Yun _h3yun = null!;
    private HttpClient _http = null!;
    private H3YunClient _client = null!;
    private BenchOrderRepository _orders = null!;
    private string _officialRequest = null!;

    [Params(true, false)]
    public bool KnownLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var body = ReadAnswer.LoadBizObjects();
        Console.WriteLine($"// the answer: {ReadAnswer.Rows} records, {body.Length} bytes");
        _h3yun = new InMemoryH3Yun(body, KnownLength);
        _http = _h3yun.CreateHttpClient();
        _client = _h3yun.CreateClient();
        _orders = new BenchOrderRepository(_client);
        _officialRequest = NewtonsoftWay.LoadBizObjectsBody(BenchOrder.SchemaCode);
        Equivalence.CheckReads(Generated().GetAwaiter().GetResult(), Newtonsoft().GetAwaiter().GetResult(), SystemTextJson().GetAwaiter().GetResult());
        var streamed = GeneratedQueryAll().GetAwaiter().GetResult();
        if (streamed != ReadAnswer.Rows)
        {
            throw new InvalidOperationException($"QueryAllAsync read {streamed} records instead of {ReadAnswer.Rows}.");
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        _h3yun.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "Newtonsoft over Dictionary<string, object> (official samples)")]
    public async Task<List<BenchOrderPoco>> Newtonsoft()
    {
        using var request = new StringContent(_officialRequest, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(InMemoryH3Yun.InvokeEndpoint, request).ConfigureAwait(false);
        return NewtonsoftWay.ReadBizObjects(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    [Benchmark(Description = "System.Text.Json reflection over a POCO, streamed")]
    public async Task<List<BenchOrderPoco>> SystemTextJson()
    {
        using var request = new StringContent(_officialRequest, Encoding.UTF8, "application/json");
        using var message = new HttpRequestMessage(HttpMethod.Post, InMemoryH3Yun.InvokeEndpoint) { Content = request };
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await SystemTextJsonWay.ReadBizObjectsAsync(stream).ConfigureAwait(false);
        }
    }

    [Benchmark(Description = "generated: QueryAsync")]
    public async Task<IReadOnlyList<BenchOrder>> Generated() =>
        (await _orders.QueryAsync(new H3Query<BenchOrder> { RequireCount = true }).ConfigureAwait(false)).Items;

    [Benchmark(Description = "generated: QueryAllAsync")]
    public async Task<int> GeneratedQueryAll()
    {
        var count = 0;
        await foreach (var order in _orders.QueryAllAsync(new H3Query<BenchOrder> { RequireCount = true }).ConfigureAwait(false))
        {
            count += order.Status is null ? 0 : 1;
        }

        return count;
    }
}
