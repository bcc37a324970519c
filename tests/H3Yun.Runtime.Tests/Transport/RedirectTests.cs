using System.Net;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// The EngineSecret goes only to the configured host. Two real servers: the first answers with a redirect to the
/// second (another loopback address, so another host).
/// </summary>
public class RedirectTests
{
    private static readonly string Secret = $"{Guid.NewGuid():N}-redirect";

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task The_clients_own_HttpClient_never_follows_a_redirect(int status)
    {
        await using var elsewhere = LoopbackServer.Start("127.0.0.2").Then(Reply.Success("""{"BizObjectId":"stolen"}"""));
        await using var h3yun = LoopbackServer.Start().Then(RedirectTo(status, elsewhere));
        using var client = new H3YunClient(OptionsFor(h3yun));

        var error = await Bounded.FailsWith<H3YunTransportException>(() => new BookRepository(client).CreateAsync(new Book { Title = "Dune" }));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Contains($"HTTP {status}", error.Message, StringComparison.Ordinal);
        Assert.Contains("host '127.0.0.2'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"CreateBizObject on form '{Book.SchemaCode}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(Secret, Assert.Single(h3yun.Requests).Header("EngineSecret"));
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task A_relative_redirect_is_refused_too_and_is_not_retried()
    {
        await using var h3yun = LoopbackServer.Start()
            .Then(Reply.Http(307, string.Empty, null, "Location: /Other/Invoke"))
            .Then(Reply.Success("""{"BizObject":null}"""));
        using var client = new H3YunClient(OptionsFor(h3yun));

        var error = await Bounded.FailsWith<H3YunTransportException>(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);
        Assert.Contains("host '127.0.0.1'", error.Message, StringComparison.Ordinal);
        Assert.Single(h3yun.Requests);
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task An_answer_from_another_host_through_a_caller_supplied_HttpClient_that_follows_redirects_is_refused(int status)
    {
        await using var elsewhere = LoopbackServer.Start("127.0.0.2").Then(Reply.Success("""{"BizObject":{"ObjectId":"b-1","F0000001":"Forged"}}"""));
        await using var h3yun = LoopbackServer.Start().Then(RedirectTo(status, elsewhere));
        using var following = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        using var client = new H3YunClient(following, OptionsFor(h3yun));

        var error = await Bounded.FailsWith<H3YunTransportException>(() => new BookRepository(client).LoadAsync("b-1"));

        Assert.Contains("followed a redirect", error.Message, StringComparison.Ordinal);
        Assert.Contains("host '127.0.0.2'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowAutoRedirect = false", error.Message, StringComparison.Ordinal);
        Assert.Single(elsewhere.Requests);
        SecretAssert.NotIn(error, Secret);
    }

    [Fact]
    public async Task A_write_that_a_caller_supplied_HttpClient_took_to_another_host_may_have_been_applied_there()
    {
        await using var elsewhere = LoopbackServer.Start("127.0.0.2").Then(Reply.Success("""{"BizObjectId":"b-9"}"""));
        await using var h3yun = LoopbackServer.Start().Then(RedirectTo(307, elsewhere));
        using var following = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        using var client = new H3YunClient(following, OptionsFor(h3yun));
        var book = new Book { Title = "Dune" };

        var error = await Bounded.FailsWith<H3YunTransportException>(() => new BookRepository(client).CreateAsync(book));

        Assert.Equal(WriteOutcome.Unknown, error.Outcome);
        Assert.Null(book.ObjectId);
        Assert.True(book.HasChanges);
    }

    private static Reply RedirectTo(int status, LoopbackServer target) =>
        Reply.Http(status, string.Empty, null, $"Location: {target.BaseAddress}OpenApi/Invoke");

    private static H3YunClientOptions OptionsFor(LoopbackServer server) => new()
    {
        BaseAddress = server.BaseAddress,
        EngineCode = FakeH3Yun.EngineCode,
        EngineSecret = Secret,
        RequestsPerSecond = null,
        MaxRetryAttempts = 2,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        Timeout = TimeSpan.FromSeconds(20),
    };
}
