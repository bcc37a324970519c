using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using H3Yun.Benchmarks.Records;

namespace H3Yun.Benchmarks;

/// <summary>
/// What the client costs per request on top of HTTP itself: loading one small record through the generated
/// repository (request written, retry and rate-limit pipeline with the limit off, telemetry, envelope checked,
/// record read) against a bare <see cref="HttpClient"/> posting the very same bytes and reading the answer's bytes,
/// both to a loopback server (<see cref="LoopbackH3Yun"/>) over kept-alive connections. The goal is at most 1.2×.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ClientOverheadBenchmarks : IDisposable
{
    private const string RecordId = "5f4c3b2a-1e0d-4c9b-8a7f-6e5d4c3b2a10";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private LoopbackH3Yun _server = null!;
    private HttpClient _bare = null!;
    private H3YunClient _client = null!;
    private BenchCustomerRepository _customers = null!;
    private byte[] _requestBody = [];
    private Uri _endpoint = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = new LoopbackH3Yun(
            $$$"""{"Successful":true,"ErrorMessage":null,"Logined":false,"ReturnData":{"BizObject":{"ObjectId":"{{{RecordId}}}","Name":"客户 1","CreatedBy":"张伟","CreatedByObject":{"ObjectId":"{{{SampleValues.UnitId(1, 1)}}}","Name":"张伟"},"OwnerId":"张伟","OwnerIdObject":{"ObjectId":"{{{SampleValues.UnitId(1, 1)}}}","Name":"张伟"},"OwnerDeptId":"销售部","OwnerDeptIdObject":{"ObjectId":"{{{SampleValues.UnitId(2, 1)}}}","Name":"销售部"},"CreatedTime":"2024/5/1 9:30:00","ModifiedBy":"张伟","ModifiedByObject":{"ObjectId":"{{{SampleValues.UnitId(1, 1)}}}","Name":"张伟"},"ModifiedTime":"2024/5/2 10:00:00","WorkflowInstanceId":"","Status":1,"SeqNo":"202400000001","F0000001":"上海扇贝贸易有限公司"}},"DataType":0}""");
        var options = new H3YunClientOptions
        {
            BaseAddress = _server.BaseAddress,
            EngineCode = "benchmark-engine",
            EngineSecret = "benchmark-secret",
            RequestsPerSecond = null,
        };
        _client = new H3YunClient(options);
        _customers = new BenchCustomerRepository(_client);
        _endpoint = new Uri(_server.BaseAddress, "OpenApi/Invoke");
        _requestBody = OpenApiRequestWriter.Write(OpenApiRequest.LoadBizObject(BenchCustomer.SchemaCode, RecordId), H3YunTimeZones.ChinaStandardTime);
        // The same handler settings as the client's own.
        _bare = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        if (Generated().GetAwaiter().GetResult() != "上海扇贝贸易有限公司" || BareHttpClient().GetAwaiter().GetResult() == 0)
        {
            throw new InvalidOperationException("The loopback server did not answer as expected.");
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _bare.Dispose();
        _client.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "bare HttpClient, same bytes")]
    public async Task<int> BareHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(_requestBody) { Headers = { ContentType = Json } } };
        request.Headers.TryAddWithoutValidation("EngineCode", "benchmark-engine");
        request.Headers.TryAddWithoutValidation("EngineSecret", "benchmark-secret");
        using var response = await _bare.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        return (await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).Length;
    }

    [Benchmark(Description = "generated repository: LoadAsync")]
    public async Task<string?> Generated() => (await _customers.LoadAsync(RecordId).ConfigureAwait(false))?.CustomerName;
}
