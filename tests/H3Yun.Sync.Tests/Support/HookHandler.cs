namespace H3Yun.Sync.Tests.Support;

/// <summary>
/// Sits between the sync's client and the emulator: runs a test's action before a request goes out (writes that land
/// while a window is being read) and after its answer came back (a cancellation while the window is being committed).
/// </summary>
internal sealed class HookHandler() : DelegatingHandler(new HttpClientHandler())
{
    public int Sent { get; private set; }

    /// <summary>The body of every request sent, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Bodies { get; } = new();

    public Func<int, Task>? Before { get; set; }

    /// <summary>The <c>ReturnItems</c> of each LoadBizObjects request sent, joined with commas (empty: whole records).</summary>
    public IEnumerable<string> ReturnItemsSent => Bodies.Select(body =>
    {
        var filter = System.Text.Json.Nodes.JsonNode.Parse((string)System.Text.Json.Nodes.JsonNode.Parse(body)!["Filter"]!)!;
        return string.Join(",", filter["ReturnItems"]?.AsArray().Select(item => (string)item!) ?? []);
    });

    public Action<int>? After { get; set; }

    /// <summary>Rewrites an answer's body before the client reads it (an answer H3Yun could give that the emulator does not).</summary>
    public Func<string, string>? Rewrite { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var number = ++Sent;
        Bodies.Enqueue(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
        if (Before is { } before)
        {
            await before(number);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (Rewrite is { } rewrite)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Content = new StringContent(rewrite(body), System.Text.Encoding.UTF8, "application/json");
        }

        After?.Invoke(number);
        return response;
    }
}
