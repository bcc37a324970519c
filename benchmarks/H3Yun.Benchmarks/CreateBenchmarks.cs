using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using H3Yun.Benchmarks.OfficialWay;
using H3Yun.Benchmarks.Records;
using Newtonsoft.Json.Linq;

namespace H3Yun.Benchmarks;

/// <summary>
/// One create of a 50-field record with a 20-row child table, end to end: from the record to the id H3Yun gave it,
/// every way through an <see cref="HttpClient"/> over the same in-memory handler (<see cref="InMemoryH3Yun"/>, which
/// reads the body as a server would and answers with a CreateBizObject reply). The generated repository's
/// <c>CreateAsync</c> (record, envelope, rate-limit and retry pipeline with the limit off, telemetry, transport,
/// reply); the official samples' way (a dictionary, Newtonsoft twice, <c>StringContent</c>, the reply parsed by
/// Newtonsoft); and a bare <see cref="HttpClient"/> posting bytes written beforehand, which does nothing but post, as
/// the floor of a call. Each call builds its record, as a caller does.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class CreateBenchmarks : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private InMemoryH3Yun _h3yun = null!;
    private HttpClient _http = null!;
    private H3YunClient _client = null!;
    private BenchOrderRepository _orders = null!;
    private byte[] _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        _h3yun = new InMemoryH3Yun("""{"Successful":true,"ErrorMessage":null,"Logined":false,"ReturnData":{"BizObjectId":"f7c1b5d0-0000-4000-8000-000000000001"},"DataType":0}"""u8.ToArray(), knownLength: true);
        _http = _h3yun.CreateHttpClient();
        _client = _h3yun.CreateClient();
        _orders = new BenchOrderRepository(_client);
        _body = Encoding.UTF8.GetBytes(NewtonsoftWay.CreateBizObjectBody(BenchOrder.SchemaCode, BenchOrderSamples.Poco(seed: 7)));
        var ids = new[] { Generated().GetAwaiter().GetResult(), Newtonsoft().GetAwaiter().GetResult(), BareHttpClient().GetAwaiter().GetResult() };
        if (ids.Distinct(StringComparer.Ordinal).Count() != 1)
        {
            throw new InvalidOperationException($"The ways read different ids: {string.Join(", ", ids)}.");
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
    public async Task<string> Newtonsoft()
    {
        var body = NewtonsoftWay.CreateBizObjectBody(BenchOrder.SchemaCode, BenchOrderSamples.Poco(seed: 7));
        using var request = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(InMemoryH3Yun.InvokeEndpoint, request).ConfigureAwait(false);
        var reply = JObject.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        return (string)reply["ReturnData"]!["BizObjectId"]!;
    }

    [Benchmark(Description = "a bare HttpClient posting bytes written beforehand")]
    public async Task<string> BareHttpClient()
    {
        using var request = new ByteArrayContent(_body);
        request.Headers.ContentType = Json;
        using var response = await _http.PostAsync(InMemoryH3Yun.InvokeEndpoint, request).ConfigureAwait(false);
        var reply = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return Encoding.UTF8.GetString(reply.AsSpan(reply.AsSpan().IndexOf("\"BizObjectId\":\""u8) + 15, 36));
    }

    [Benchmark(Description = "generated: CreateAsync")]
    public async Task<string> Generated() =>
        (await _orders.CreateAsync(BenchOrderSamples.Record(seed: 7)).ConfigureAwait(false)).ObjectId;
}
