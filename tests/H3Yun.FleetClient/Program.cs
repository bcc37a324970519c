using System.Globalization;
using H3Yun;
using H3Yun.OpenApi;
using RedisRateLimiting;
using StackExchange.Redis;

// Usage: H3Yun.FleetClient <redis host:port> <requests> <requests per second>, with H3YUN_ENGINE_CODE,
// H3YUN_ENGINE_SECRET and H3YUN_BASE_ADDRESS set. It sends LoadBizObjects calls under a budget held in Redis, which every
// process of the fleet shares, the way docs/dependency-injection.md shows it.
if (args.Length != 3 || H3YunClientOptions.FromEnvironment() is not { } options)
{
    Console.Error.WriteLine("usage: H3Yun.FleetClient <redis host:port> <requests> <requests per second>, with H3YUN_ENGINE_CODE, H3YUN_ENGINE_SECRET and H3YUN_BASE_ADDRESS set");
    return 2;
}

var requests = int.Parse(args[1], CultureInfo.InvariantCulture);
var rate = double.Parse(args[2], CultureInfo.InvariantCulture);
using var redis = await ConnectionMultiplexer.ConnectAsync(args[0]);
using var budget = new RedisSlidingWindowRateLimiter<string>($"h3yun:{options.EngineCode}", new RedisSlidingWindowRateLimiterOptions
{
    ConnectionMultiplexerFactory = () => redis,
    PermitLimit = 1,
    Window = TimeSpan.FromSeconds(1 / rate),
});
options.RateLimiter = budget;

// When each request leaves this process, by the machine's clock that every member of the fleet shares.
var sent = new System.Collections.Concurrent.ConcurrentQueue<long>();
using var http = new HttpClient(new SendTimes(sent, new SocketsHttpHandler { AllowAutoRedirect = false })) { Timeout = Timeout.InfiniteTimeSpan };
using var client = new H3YunClient(http, options);
// One request first, not timed: the first request of a process compiles and connects after taking its turn, which can
// bring it within milliseconds of another process's next turn on the wire. The budget spaces turns, not JIT.
await client.InvokeAsync(OpenApiRequest.LoadBizObjects("D000024SalesOrder", new Filter { ToRowNum = 1 }));
sent.Clear();
await Task.WhenAll(Enumerable.Range(0, requests).Select(i =>
    client.InvokeAsync(OpenApiRequest.LoadBizObjects("D000024SalesOrder", new Filter { ToRowNum = 1 }))));
foreach (var time in sent)
{
    Console.WriteLine($"sent {time}");
}

return 0;

internal sealed class SendTimes(System.Collections.Concurrent.ConcurrentQueue<long> sent, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        sent.Enqueue(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return base.SendAsync(request, cancellationToken);
    }
}
