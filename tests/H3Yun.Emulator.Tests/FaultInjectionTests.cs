using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>Queued faults replace the next answers, one request each, in order; every request is still recorded.</summary>
public class FaultInjectionTests
{
    private const string CreateBody = """
        {"ActionName":"CreateBizObject","SchemaCode":"FormA","BizObject":"{\"F0000001\":\"x\"}","IsSubmit":true}
        """;

    [Fact]
    public async Task An_HTTP_status_fault_answers_that_status_with_Retry_After_and_skips_the_request()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.EnqueueHttpStatus(429, "slow down", TimeSpan.FromSeconds(1.2));

        using var response = await api.PostAsync(CreateBody, api.Emulator.EngineCode, api.Emulator.EngineSecret);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.Equal("slow down", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, api.Emulator.Count("FormA"));
    }

    [Fact]
    public async Task An_HTTP_status_fault_without_body_or_Retry_After_sends_neither()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.EnqueueHttpStatus(503);

        using var response = await api.PostAsync(CreateBody, api.Emulator.EngineCode, api.Emulator.EngineSecret);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Null(response.Content.Headers.ContentType);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Equal(string.Empty, (await api.WaitUntilServedAsync(1)).Answer);
    }

    [Fact]
    public async Task An_API_error_fault_answers_Successful_false_with_that_message()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.EnqueueApiError("调用频率过快 / too many calls");

        var message = await api.FailAsync(CreateBody);

        Assert.Equal("调用频率过快 / too many calls", message);
        Assert.Equal(0, api.Emulator.Count("FormA"));
    }

    [Fact]
    public async Task A_malformed_response_fault_sends_the_raw_body_with_status_200()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.EnqueueMalformedResponse("{\"Successful\":tru");

        using var response = await api.PostAsync(CreateBody, api.Emulator.EngineCode, api.Emulator.EngineSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"Successful\":tru", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, api.Emulator.Count("FormA"));
    }

    [Fact]
    public async Task A_delay_fault_waits_then_processes_the_request()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.EnqueueDelay(TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        await api.SucceedAsync(CreateBody);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"answered after {clock.Elapsed}");
        Assert.Equal(1, api.Emulator.Count("FormA"));
    }

    [Fact]
    public async Task A_client_that_gives_up_during_a_delay_gets_nothing_processed()
    {
        await using var api = await EmulatorSession.StartAsync();
        // Long enough that a loaded machine still notices the closed connection before the delay ends (800 ms failed once in CI).
        api.Emulator.Faults.EnqueueDelay(TimeSpan.FromSeconds(15));
        using var giveUp = new CancellationTokenSource();
        var pending = api.InvokeAsync(CreateBody, giveUp.Token);

        // Give up only once the emulator holds the request, so that it is the emulator that sees the client leave.
        await api.WaitForRequestAsync(1, request => request.Fault is not null);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);

        // Wait until the emulator is done with the request, so that a request processed after the delay would show.
        var served = await api.WaitUntilServedAsync(1);
        Assert.Equal(RequestOutcome.ClientGaveUp, served.Outcome);
        Assert.False(served.Processed);
        Assert.Null(served.StatusCode);
        Assert.Equal(0, api.Emulator.Count("FormA"));
        var clock = Stopwatch.StartNew();
        await api.SucceedAsync("""{"ActionName":"LoadBizObjects","SchemaCode":"FormA"}""");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the next request waited {clock.Elapsed}");
    }

    [Fact]
    public async Task Disposing_does_not_wait_for_a_request_held_by_a_long_delay()
    {
        var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.EnqueueDelay(TimeSpan.FromMinutes(5));
        var pending = api.InvokeAsync(CreateBody);
        while (api.Emulator.Requests.Count == 0)
        {
            await Task.Delay(10);
        }

        var clock = Stopwatch.StartNew();
        await api.Emulator.DisposeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"dispose took {clock.Elapsed}");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => pending);
        await api.DisposeAsync();
    }

    [Fact]
    public async Task Faults_apply_in_order_one_per_request_then_requests_are_served_normally()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.EnqueueApiError("first");
        api.Emulator.Faults.EnqueueHttpStatus(500);

        var first = await api.FailAsync(CreateBody);
        using var second = await api.PostAsync(CreateBody, api.Emulator.EngineCode, api.Emulator.EngineSecret);
        await api.SucceedAsync(CreateBody);

        Assert.Equal("first", first);
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal(0, api.Emulator.Faults.Pending);
        Assert.Equal(1, api.Emulator.Count("FormA"));
        Assert.Equal(3, api.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Clear_drops_faults_not_yet_used()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.EnqueueHttpStatus(500);

        api.Emulator.Clear();

        await api.SucceedAsync(CreateBody);
    }

    [Fact]
    public async Task Impossible_faults_are_refused_when_queued()
    {
        await using var emulator = await H3YunEmulator.StartAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults.EnqueueHttpStatus(42));
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults.EnqueueDelay(TimeSpan.FromSeconds(-1)));
        Assert.Equal(0, emulator.Faults.Pending);
    }
}
