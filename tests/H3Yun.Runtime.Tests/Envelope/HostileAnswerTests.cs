using System.Net;
using System.Net.Sockets;
using System.Text;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// Broken and hostile answers, served byte for byte over a real socket: each one ends as a typed H3Yun exception
/// that names the action and the form, within the client's Timeout, without the EngineSecret in any form; and the
/// odd-but-valid ones are read as H3Yun meant them.
/// </summary>
public class HostileAnswerTests
{
    // Made per run, and with the characters that JSON and URL encoding change, so that every echoed form differs.
    private static readonly string Secret = $"{Guid.NewGuid():N}/s+e=c";

    private const string Dune = """{"ObjectId":"b-1","F0000001":"Dune"}""";
    private const string LoadDune = """{"BizObject":""" + Dune + "}";
    private const string QueryDune = """{"BizObjectArray":[""" + Dune + "]}";
    private const string QueryDuneOfOne = """{"BizObjectArray":[""" + Dune + """],"TotalCount":1}""";
    private const int SizeCap = 64 * 1024;

    private static readonly Dictionary<string, Broken> BrokenAnswers = new Broken[]
    {
        // Not an OpenApi answer at all.
        new("an HTML page with 200", Reply.Http(200, "<!DOCTYPE html><html><body>网关错误</body></html>", "text/html"), Call.Query, typeof(H3YunProtocolException), "not JSON"),
        new("an HTML error page with 502", Reply.Http(502, "<html><body>502 Bad Gateway</body></html>", "text/html"), Call.Query, typeof(H3YunTransportException), "HTTP 502"),
        new("an empty body", Reply.Http(200, string.Empty), Call.Query, typeof(H3YunProtocolException), "not JSON"),
        new("a body of whitespace", Reply.Http(200, " \r\n\t "), Call.Load, typeof(H3YunProtocolException), "not JSON"),
        new("a JSON array instead of the envelope", Reply.Http(200, "[1,2]"), Call.Query, typeof(H3YunProtocolException), "envelope"),
        new("a JSON null", Reply.Http(200, "null"), Call.Load, typeof(H3YunProtocolException), "envelope"),
        new("an object without envelope members", Reply.Http(200, """{"code":0,"data":[]}"""), Call.Query, typeof(H3YunProtocolException), "none of the envelope members"),
        new("not HTTP at all", Reply.Raw("SSH-2.0-OpenSSH_9.6\r\n", ReplyEnding.Close), Call.Query, typeof(H3YunTransportException), Describe(Call.Query)),

        // Cut off.
        new("JSON cut off inside a complete HTTP answer", Reply.Http(200, """{"Successful":true,"ReturnData":{"BizObjectArr"""), Call.Query, typeof(H3YunProtocolException), "not JSON"),
        new("a Content-Length larger than what arrives, then close", Reply.Raw("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{\"Successful\":true", ReplyEnding.Close), Call.Query, typeof(H3YunTransportException), Describe(Call.Query)),
        new("a Content-Length larger than what arrives, then reset", Reply.Raw("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{\"Successful\":true", ReplyEnding.Reset), Call.Load, typeof(H3YunTransportException), Describe(Call.Load)),
        new("a chunked body cut off before its last chunk", Reply.Chunked(200, Bodies.Utf8(Bodies.Envelope("{}")), 8).CutAfterBody(40, ReplyEnding.Close), Call.Query, typeof(H3YunTransportException), Describe(Call.Query)),
        new("headers cut off half-way, then close", Reply.Raw("HTTP/1.1 200 OK\r\nContent-Ty", ReplyEnding.Close), Call.Query, typeof(H3YunTransportException), Describe(Call.Query)),
        new("the connection closed before any answer", Reply.Raw(string.Empty, ReplyEnding.Close), Call.Query, typeof(H3YunTransportException), Describe(Call.Query)),
        new("the connection reset before any answer", Reply.Reset(), Call.Query, typeof(H3YunTransportException), Describe(Call.Query)),
        new("the connection reset in the middle of the body", Reply.Success($"{{\"BizObjectArray\":[{Dune}]}}").CutAfterBody(40, ReplyEnding.Reset), Call.Query, typeof(H3YunTransportException), Describe(Call.Query)),
        new("the connection reset in the middle of a create's answer", Reply.Success("""{"BizObjectId":"b-1"}""").CutAfterBody(30, ReplyEnding.Reset), Call.Create, typeof(H3YunTransportException), "may or may not have been applied"),

        // Stalls, bounded by the client's Timeout.
        new("headers, then nothing", Reply.Success("{}").HeadersOnly(ReplyEnding.Stall), Call.Query, typeof(H3YunTimeoutException), "did not answer", Stalls: true),
        new("half the body, then nothing", Reply.Success("{}").CutAfterBody(20, ReplyEnding.Stall), Call.Load, typeof(H3YunTimeoutException), "did not answer", Stalls: true),
        new("nothing at all", Reply.Stall(), Call.Query, typeof(H3YunTimeoutException), "did not answer", Stalls: true),
        new("nothing at all, to a create", Reply.Stall(), Call.Create, typeof(H3YunTimeoutException), "may or may not have been applied", Stalls: true),

        // Bytes that are not what they claim.
        new("invalid UTF-8", Reply.Http(200, [.. Bodies.Utf8("""{"Successful":true,"ReturnData":{"BizObjectArray":[{"F0000001":" """), 0xC3, 0x28, .. Bodies.Utf8("\"}]}}")]), Call.Query, typeof(H3YunProtocolException), "not valid UTF-8"),
        new("an encoded surrogate (CESU-8)", Reply.Http(200, [.. Bodies.Utf8("""{"Successful":false,"ErrorMessage":" """), 0xED, 0xA0, 0x80, .. Bodies.Utf8("\"}")]), Call.Load, typeof(H3YunProtocolException), "not valid UTF-8"),
        new("Latin-1 instead of UTF-8", Reply.Http(200, Encoding.Latin1.GetBytes("""{"Successful":false,"ErrorMessage":"Gebühr"}""")), Call.Load, typeof(H3YunProtocolException), "not valid UTF-8"),
        new("nesting 10,000 deep", Reply.Http(200, """{"Successful":true,"ReturnData":""" + new string('[', 10_000) + new string(']', 10_000) + "}"), Call.Query, typeof(H3YunProtocolException), "not JSON"),
        new("nesting deep inside a record", Reply.Success("""{"BizObjectArray":[{"F0000001":"x","Extra":""" + new string('[', 100) + new string(']', 100) + "}]}"), Call.Query, typeof(H3YunProtocolException), "not JSON"),

        // Too large.
        new("a body over MaxResponseBytes with a Content-Length", Reply.Http(200, Bodies.Utf8(Bodies.Envelope($$"""{"Padding":"{{new string('x', SizeCap)}}"}"""))), Call.Query, typeof(H3YunProtocolException), "MaxResponseBytes"),
        new("a chunked body over MaxResponseBytes", Reply.Chunked(200, Bodies.Utf8(Bodies.Envelope($$"""{"Padding":"{{new string('x', SizeCap)}}"}""")), 4096), Call.Query, typeof(H3YunProtocolException), "MaxResponseBytes"),
        new("a body over MaxResponseBytes that ends at close", Reply.UntilClose(200, Bodies.Utf8(Bodies.Envelope($$"""{"Padding":"{{new string('x', 4 * SizeCap)}}"}"""))), Call.Load, typeof(H3YunProtocolException), "MaxResponseBytes"),

        // Members of the wrong type.
        new("Successful as an object", Reply.Http(200, """{"Successful":{"value":true},"ReturnData":{}}"""), Call.Query, typeof(H3YunProtocolException), "'Successful'"),
        new("Successful as a number", Reply.Http(200, """{"Successful":1,"ReturnData":{}}"""), Call.Load, typeof(H3YunProtocolException), "'Successful'"),
        new("ReturnData as a number, to a query", Reply.Success("42"), Call.Query, typeof(H3YunProtocolException), "ReturnData"),
        new("ReturnData as a number, to a load", Reply.Success("42"), Call.Load, typeof(H3YunProtocolException), "ReturnData"),
        new("ReturnData as an array, to a load", Reply.Success($"[{Dune}]"), Call.Load, typeof(H3YunProtocolException), "ReturnData"),
        new("BizObjectArray items as strings", Reply.Success($$"""{"BizObjectArray":["{{Dune.Replace("\"", "\\\"", StringComparison.Ordinal)}}"]}"""), Call.Query, typeof(H3YunProtocolException), "BizObjectArray"),
        new("BizObjectArray as an object", Reply.Success($$"""{"BizObjectArray":{{Dune}}}"""), Call.Query, typeof(H3YunProtocolException), "BizObjectArray"),
        new("BizObject as a string", Reply.Success("""{"BizObject":"Dune"}"""), Call.Load, typeof(H3YunProtocolException), "BizObject"),
        new("TotalCount as text", Reply.Success("""{"BizObjectArray":[],"TotalCount":"many"}"""), Call.Query, typeof(H3YunProtocolException), "TotalCount"),
        new("TotalCount as a fraction", Reply.Success("""{"BizObjectArray":[],"TotalCount":1.5}"""), Call.Query, typeof(H3YunProtocolException), "TotalCount"),
        new("BizObjectId as a number", Reply.Success("""{"BizObjectId":12345}"""), Call.Create, typeof(H3YunProtocolException), "BizObjectId"),
        new("a text field as an object", Reply.Success("""{"BizObjectArray":[{"ObjectId":"b-1","F0000001":{"zh":"沙丘"}}]}"""), Call.Query, typeof(H3YunProtocolException), "F0000001"),

        // Refusals.
        new("Successful:false without a message", Reply.Http(200, """{"Successful":false,"ErrorMessage":null}"""), Call.Load, typeof(H3YunApiException), "without an error message"),
        new("Successful:false with an object as its message", Reply.Http(200, """{"Successful":false,"ErrorMessage":{"code":500}}"""), Call.Query, typeof(H3YunApiException), "\"code\":500"),

        // The secret echoed back, in every form a server or proxy might use.
        new("the secret echoed raw in ErrorMessage", Reply.Http(200, $$"""{"Successful":false,"ErrorMessage":"EngineSecret {{Secret}} is wrong"}"""), Call.Load, typeof(H3YunApiException), "is wrong"),
        new("the secret echoed \\u-escaped in ErrorMessage", Reply.Http(200, $$"""{"Successful":false,"ErrorMessage":"EngineSecret {{SecretAssert.JsonUnicodeEscaped(Secret)}} is wrong"}"""), Call.Load, typeof(H3YunApiException), "is wrong"),
        new("the secret echoed raw in a 500 page", Reply.Http(500, $"headers: EngineCode=test-engine; EngineSecret={Secret}", "text/plain"), Call.Query, typeof(H3YunTransportException), "HTTP 500"),
        new("the secret echoed \\u-escaped in a 500 body", Reply.Http(500, """{"headers":{"EngineSecret":""" + $"\"{SecretAssert.JsonUnicodeEscaped(Secret)}\"}}}}"), Call.Query, typeof(H3YunTransportException), "HTTP 500"),
        new("the secret echoed \\/-escaped in a body that is no envelope", Reply.Http(200, """{"headers":{"EngineSecret":""" + $"\"{Secret.Replace("/", "\\/", StringComparison.Ordinal)}\"}}}}"), Call.Query, typeof(H3YunProtocolException), "none of the envelope members"),
        new("the secret echoed URL-encoded in a 400 body", Reply.Http(400, $"bad request: EngineCode=test-engine&EngineSecret={Uri.EscapeDataString(Secret)}", "text/plain"), Call.Create, typeof(H3YunTransportException), "HTTP 400"),
        new("the secret echoed form-encoded in a 400 body", Reply.Http(400, $"EngineSecret={WebUtility.UrlEncode(Secret)}", "application/x-www-form-urlencoded"), Call.Query, typeof(H3YunTransportException), "HTTP 400"),
        new("the secret echoed raw in an HTML page", Reply.Http(200, $"<html><pre>EngineSecret: {Secret}</pre></html>", "text/html"), Call.Query, typeof(H3YunProtocolException), "not JSON"),
        new("the secret echoed as the value of Successful", Reply.Http(200, $$"""{"Successful":"{{Secret}}"}"""), Call.Load, typeof(H3YunProtocolException), "'Successful'"),
        new("the secret echoed \\u-escaped as the value of Successful", Reply.Http(200, $$"""{"Successful":"{{SecretAssert.JsonUnicodeEscaped(Secret)}}"}"""), Call.Load, typeof(H3YunProtocolException), "'Successful'"),
        new("the secret echoed in TotalCount", Reply.Success($$"""{"BizObjectArray":[],"TotalCount":"{{Secret}}"}"""), Call.Query, typeof(H3YunProtocolException), "TotalCount"),
        new("the secret echoed in a field of the wrong type", Reply.Success("""{"BizObjectArray":[{"F0000001":{"EngineSecret":""" + $"\"{Secret}\"}}}}]}}"), Call.Query, typeof(H3YunProtocolException), "F0000001"),
        new("the secret echoed in an invalid status line", Reply.Raw($"HTTP/1.1 2OO {Secret}\r\nContent-Length: 0\r\n\r\n", ReplyEnding.Close), Call.Query, typeof(H3YunTransportException), Describe(Call.Query)),
        new("the secret echoed in an invalid header line", Reply.Raw($"HTTP/1.1 200 OK\r\nEngineSecret {Secret}\r\nContent-Length: 0\r\n\r\n", ReplyEnding.Close), Call.Query, typeof(H3YunTransportException), Describe(Call.Query)),
        new("the secret in a redirect's Location", Reply.Http(302, string.Empty, null, $"Location: http://127.0.0.1:9/OpenApi/Invoke?EngineSecret={Uri.EscapeDataString(Secret)}"), Call.Query, typeof(H3YunTransportException), "HTTP 302"),
    }.ToDictionary(static c => c.Name);

    private static readonly Dictionary<string, Odd> OddButValidAnswers = new Odd[]
    {
        new("a UTF-8 byte-order mark", Reply.Http(200, [0xEF, 0xBB, 0xBF, .. Bodies.Utf8(Bodies.Envelope(QueryDuneOfOne))]), Read.Query, "1 × Dune (b-1), total 1"),
        new("a byte-order mark and text/plain", Reply.Http(200, [0xEF, 0xBB, 0xBF, .. Bodies.Utf8(Bodies.Envelope(LoadDune))], "text/plain"), Read.Load, "Dune (b-1)"),
        new("text/plain", Reply.Http(200, Bodies.Envelope(QueryDune), "text/plain; charset=utf-8"), Read.Query, "1 × Dune (b-1), total none"),
        new("text/html for a JSON body", Reply.Http(200, Bodies.Envelope(LoadDune), "text/html"), Read.Load, "Dune (b-1)"),
        new("no Content-Type", Reply.Http(200, Bodies.Envelope(LoadDune), null), Read.Load, "Dune (b-1)"),
        new("ReturnData as a JSON string", Reply.Http(200, $$"""{"Successful":true,"ReturnData":"{\"BizObjectArray\":[{\"ObjectId\":\"b-1\",\"F0000001\":\"Dune\"}],\"TotalCount\":\"1\"}"}"""), Read.Query, "1 × Dune (b-1), total 1"),
        new("ReturnData as a JSON string, to a create", Reply.Http(200, """{"Successful":true,"ReturnData":"{\"BizObjectId\":\"b-9\"}"}"""), Read.Create, "created b-9"),
        new("TotalCount as a string", Reply.Success("""{"BizObjectArray":[""" + Dune + """],"TotalCount":"1"}"""), Read.Query, "1 × Dune (b-1), total 1"),
        new("numbers as strings in a record", Reply.Success("""{"BizObject":{"ObjectId":"a-1","F0000006":"12.50","F0000007":"7","F0000008":"9007199254740993","F0000010":"true"}}"""), Read.AllTypes, "12.50 7 9007199254740993 True"),
        new("member names in other cases", Reply.Http(200, """{"successful":true,"errormessage":null,"RETURNDATA":{"bizObjectArray":[""" + Dune + """],"totalcount":1}}"""), Read.Query, "1 × Dune (b-1), total 1"),
        new("Successful as \"true\"", Reply.Http(200, """{"Successful":"true","ReturnData":""" + LoadDune + "}"), Read.Load, "Dune (b-1)"),
        new("Successful as \"True\"", Reply.Http(200, """{"Successful":"True","ReturnData":""" + LoadDune + "}"), Read.Load, "Dune (b-1)"),
        new("no Successful and no ErrorMessage", Reply.Http(200, """{"ReturnData":""" + LoadDune + "}"), Read.Load, "Dune (b-1)"),
        new("an empty ErrorMessage", Reply.Http(200, """{"Successful":true,"ErrorMessage":"","ReturnData":""" + LoadDune + "}"), Read.Load, "Dune (b-1)"),
        new("members H3Yun does not document", Reply.Http(200, """{"Successful":true,"Code":0,"Trace":{"id":"t"},"ReturnData":{"Extra":[1],"BizObject":""" + Dune + """},"DataType":0}"""), Read.Load, "Dune (b-1)"),
        new("fields under a nested Data member", Reply.Success("""{"BizObject":{"ObjectId":"b-1","Data":{"F0000001":"Dune"}}}"""), Read.Load, "Dune (b-1)"),
        new("escaped and Chinese text", Reply.Success("""{"BizObject":{"ObjectId":"b-1","F0000001":"\u6c99\u4e18 沙丘 \"Dune\""}}"""), Read.Load, "沙丘 沙丘 \"Dune\" (b-1)"),
        new("pretty-printed with CRLF", Reply.Http(200, Bodies.Envelope(LoadDune).Replace(",", ",\r\n  ", StringComparison.Ordinal) + "\r\n"), Read.Load, "Dune (b-1)"),
        new("a body that ends at close, without a length", Reply.UntilClose(200, Bodies.Utf8(Bodies.Envelope(LoadDune))), Read.Load, "Dune (b-1)"),
        new("a body in one-byte chunks", Reply.Chunked(200, Bodies.Utf8(Bodies.Envelope(QueryDune)), 1), Read.Query, "1 × Dune (b-1), total none"),
        new("an HTTP/1.0 answer", Reply.Raw("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + Bodies.Envelope(LoadDune), ReplyEnding.Close), Read.Load, "Dune (b-1)"),
        new("ReturnData null, to InvokeAsync", Reply.Http(200, """{"Successful":true,"ErrorMessage":null,"ReturnData":null}"""), Read.Invoke, "Null"),
        new("no ReturnData, to InvokeAsync", Reply.Http(200, """{"Successful":true}"""), Read.Invoke, "Null"),
        new("ReturnData null, to a load", Reply.Http(200, """{"Successful":true,"ReturnData":null}"""), Read.Load, "no record"),
        new("BizObject as an empty object", Reply.Success("""{"BizObject":{}}"""), Read.Load, "no record"),
    }.ToDictionary(static c => c.Name);

    private enum Call
    {
        Query,
        Load,
        Create,
    }

    public static TheoryData<string> BrokenAnswerNames => [.. BrokenAnswers.Keys];

    public static TheoryData<string> OddButValidAnswerNames => [.. OddButValidAnswers.Keys];

    [Fact]
    public void The_tables_hold_every_answer_written_in_them_under_a_name_of_its_own()
    {
        // Exact, so that an answer lost to a repeated name (the dictionary keeps one) or deleted by mistake is seen.
        Assert.Equal(58, BrokenAnswers.Count);
        Assert.Equal(25, OddButValidAnswers.Count);
    }

    [Theory]
    [MemberData(nameof(BrokenAnswerNames))]
    public async Task A_broken_answer_ends_as_a_typed_H3Yun_exception_that_names_the_call_and_hides_the_secret(string name)
    {
        var answer = BrokenAnswers[name];
        await using var server = LoopbackServer.Start().Then(answer.Reply);
        using var client = ClientOf(server.BaseAddress, answer.Stalls ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(20));

        var error = await Record.ExceptionAsync(() => Bounded.Run(() => Send(client, answer.Call)));

        Assert.NotNull(error);
        Assert.IsType(answer.Expected, error);
        var h3yun = (H3YunException)error;
        Assert.Equal(ActionOf(answer.Call), h3yun.ActionName);
        Assert.Equal(Book.SchemaCode, h3yun.SchemaCode);
        Assert.Contains(Describe(answer.Call), h3yun.Message, StringComparison.Ordinal);
        Assert.Contains(answer.Fragment, h3yun.Message, StringComparison.Ordinal);
        SecretAssert.NotIn(error, Secret);
        Assert.Equal(Secret, Assert.Single(server.Requests).Header("EngineSecret"));
    }

    /// <summary>
    /// The same answers with the retry policy on, each served again to every attempt: the call ends as without retries,
    /// after exactly the attempts the documented policy allows (H3YunClientOptions.MaxRetryAttempts: reads again
    /// after network failures, timeouts, HTTP 408, 429 and 5xx; writes only when the request certainly did not reach
    /// H3Yun, which no answer here proves; nothing after an answer that was read but is wrong).
    /// </summary>
    [Theory]
    [MemberData(nameof(BrokenAnswerNames))]
    public async Task With_retries_on_a_broken_answer_ends_the_same_after_the_attempts_the_policy_allows(string name)
    {
        const int retries = 3;
        var answer = BrokenAnswers[name];
        await using var server = LoopbackServer.Start();
        for (var i = 0; i <= retries; i++)
        {
            server.Then(answer.Reply);
        }

        using var client = ClientOf(server.BaseAddress, answer.Stalls ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(20), retries);

        var error = await Record.ExceptionAsync(() => Bounded.Run(() => Send(client, answer.Call)));

        Assert.NotNull(error);
        Assert.IsType(answer.Expected, error);
        var h3yun = (H3YunException)error;
        Assert.Equal(ActionOf(answer.Call), h3yun.ActionName);
        Assert.Contains(Describe(answer.Call), h3yun.Message, StringComparison.Ordinal);
        Assert.Contains(answer.Fragment, h3yun.Message, StringComparison.Ordinal);
        SecretAssert.NotIn(error, Secret);
        Assert.Equal(RetriedByPolicy(answer) ? 1 + retries : 1, server.Requests.Count);
        Assert.All(server.Requests, request => Assert.Equal(Secret, request.Header("EngineSecret")));
    }

    [Theory]
    [MemberData(nameof(OddButValidAnswerNames))]
    public async Task With_retries_on_an_odd_but_valid_answer_is_read_at_the_first_attempt(string name)
    {
        var answer = OddButValidAnswers[name];
        await using var server = LoopbackServer.Start().Then(answer.Reply).Then(answer.Reply);
        using var client = ClientOf(server.BaseAddress, TimeSpan.FromSeconds(20), retries: 3);

        var read = await Bounded.Run(() => answer.Read(client));

        Assert.Equal(answer.Expected, read);
        Assert.Single(server.Requests);
    }

    // The documented policy, written out from the table's own terms rather than from the client's rules: only a read
    // that got no answer, no answer in time, or an HTTP 408, 429 or 5xx is sent again.
    private static bool RetriedByPolicy(Broken answer)
    {
        if (answer.Call == Call.Create)
        {
            return false;
        }

        if (answer.Expected == typeof(H3YunTimeoutException))
        {
            return true;
        }

        if (answer.Expected != typeof(H3YunTransportException))
        {
            return false;
        }

        return !answer.Fragment.StartsWith("HTTP ", StringComparison.Ordinal)
            || int.Parse(answer.Fragment[5..], System.Globalization.CultureInfo.InvariantCulture) is 408 or 429 or >= 500;
    }

    [Theory]
    [MemberData(nameof(OddButValidAnswerNames))]
    public async Task An_odd_but_valid_answer_is_read_as_H3Yun_meant_it(string name)
    {
        var answer = OddButValidAnswers[name];
        await using var server = LoopbackServer.Start().Then(answer.Reply);
        using var client = ClientOf(server.BaseAddress, TimeSpan.FromSeconds(20));

        var read = await Bounded.Run(() => answer.Read(client));

        Assert.Equal(answer.Expected, read);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_port_where_nothing_listens_gives_a_transport_exception()
    {
        var port = UnusedPort();
        using var client = ClientOf(new Uri($"http://127.0.0.1:{port}"), TimeSpan.FromSeconds(20));

        var error = await Bounded.FailsWith<H3YunTransportException>(() => Send(client, Call.Query));

        Assert.Equal(HttpRequestError.ConnectionError, Assert.IsType<HttpRequestException>(error.InnerException).HttpRequestError);
        Assert.Contains(Describe(Call.Query), error.Message, StringComparison.Ordinal);
        SecretAssert.NotIn(error, Secret);
    }

    private static H3YunClient ClientOf(Uri baseAddress, TimeSpan timeout, int retries = 0) => new(new H3YunClientOptions
    {
        BaseAddress = baseAddress,
        EngineCode = FakeH3Yun.EngineCode,
        EngineSecret = Secret,
        RequestsPerSecond = null,
        MaxRetryAttempts = retries,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        Timeout = timeout,
        MaxResponseBytes = SizeCap,
    });

    private static Task Send(H3YunClient client, Call call) => call switch
    {
        Call.Query => new BookRepository(client).QueryAsync(),
        Call.Load => new BookRepository(client).LoadAsync("b-1"),
        _ => new BookRepository(client).CreateAsync(new Book { Title = "Dune" }),
    };

    private static string ActionOf(Call call) => call switch
    {
        Call.Query => OpenApiActions.LoadBizObjects,
        Call.Load => OpenApiActions.LoadBizObject,
        _ => OpenApiActions.CreateBizObject,
    };

    private static string Describe(Call call) => $"{ActionOf(call)} on form '{Book.SchemaCode}'";

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed record Broken(string Name, Reply Reply, Call Call, Type Expected, string Fragment, bool Stalls = false);

    private sealed record Odd(string Name, Reply Reply, Func<H3YunClient, Task<string>> Read, string Expected);

    /// <summary>The calls an odd answer is read through, each summarised as text to compare.</summary>
    private static class Read
    {
        public static async Task<string> Query(H3YunClient client)
        {
            var page = await new BookRepository(client).QueryAsync(new H3Query<Book> { RequireCount = true });
            var first = page.Items.Count > 0 ? page.Items[0] : null;
            return $"{page.Items.Count} × {first?.Title} ({first?.ObjectId}), total {page.TotalCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";
        }

        public static async Task<string> Load(H3YunClient client) =>
            await new BookRepository(client).LoadAsync("b-1") is { } book ? $"{book.Title} ({book.ObjectId})" : "no record";

        public static async Task<string> Create(H3YunClient client) =>
            $"created {(await new BookRepository(client).CreateAsync(new Book { Title = "Dune" })).ObjectId}";

        public static async Task<string> AllTypes(H3YunClient client)
        {
            var record = await new AllTypesRepository(client).LoadAsync("a-1");
            return FormattableString.Invariant($"{record?.Amount} {record?.Count} {record?.BigCount} {record?.Done}");
        }

        public static async Task<string> Invoke(H3YunClient client) =>
            (await client.InvokeAsync(OpenApiRequest.LoadBizObject(Book.SchemaCode, "b-1"))).ValueKind.ToString();
    }
}
