using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>
/// Faults that process the request and then fail to answer properly: the write is stored although the client sees
/// a failure, which is how duplicates are made when a client sends a write again. Counting rows shows them.
/// </summary>
public class ApplyThenFailFaultTests
{
    private const string CreateBody = """
        {"ActionName":"CreateBizObject","SchemaCode":"FormA","BizObject":"{\"F0000001\":\"x\"}","IsSubmit":true}
        """;

    [Fact]
    public async Task Apply_then_HTTP_5xx_stores_the_write_and_answers_the_status()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.Enqueue(EmulatorFault.ApplyThenHttpStatus(502, "bad gateway"));

        using var response = await api.PostAsync(CreateBody, api.Emulator.EngineCode, api.Emulator.EngineSecret);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("bad gateway", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, api.Emulator.Count("FormA"));
        var served = await api.WaitUntilServedAsync(1);
        Assert.True(served.Processed);
        Assert.Equal(RequestOutcome.Faulted, served.Outcome);
        Assert.Equal("process, then answer HTTP 502", served.Fault);
    }

    [Fact]
    public async Task Apply_then_drop_stores_the_write_and_answers_nothing()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.Enqueue(EmulatorFault.ApplyThenDropConnection());

        await Assert.ThrowsAsync<HttpRequestException>(() => api.PostAsync(CreateBody, api.Emulator.EngineCode, api.Emulator.EngineSecret));

        Assert.Equal(1, api.Emulator.Count("FormA"));
        var served = await api.WaitUntilServedAsync(1);
        Assert.True(served.Processed);
        Assert.Null(served.StatusCode);
    }

    [Fact]
    public async Task Apply_then_delay_stores_the_write_although_the_client_timed_out()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.Enqueue(EmulatorFault.ApplyThenDelay(TimeSpan.FromSeconds(10)));
        using var timeout = new CancellationTokenSource();
        var pending = api.InvokeAsync(CreateBody, timeout.Token);

        await api.WaitForRequestAsync(1, request => request.Processed);
        await timeout.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);

        var served = await api.WaitUntilServedAsync(1);
        Assert.Equal(RequestOutcome.ClientGaveUp, served.Outcome);
        Assert.True(served.Processed);
        Assert.Equal(1, api.Emulator.Count("FormA"));
    }

    [Fact]
    public async Task Apply_then_delay_answers_the_result_to_a_patient_client()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.Enqueue(EmulatorFault.ApplyThenDelay(TimeSpan.FromMilliseconds(300)));

        var clock = Stopwatch.StartNew();
        var returnData = await api.SucceedAsync(CreateBody);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"answered after {clock.Elapsed}");
        Assert.NotNull(api.Emulator.Find("FormA", (string)returnData["BizObjectId"]!));
    }

    [Fact]
    public async Task A_connection_reset_processes_nothing_and_the_client_sees_a_reset()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.Enqueue(EmulatorFault.ConnectionReset());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => api.PostAsync(CreateBody, api.Emulator.EngineCode, api.Emulator.EngineSecret));

        Assert.Equal(0, api.Emulator.Count("FormA"));
        var served = await api.WaitUntilServedAsync(1);
        Assert.False(served.Processed);
        Assert.Equal(RequestOutcome.Faulted, served.Outcome);
        Assert.Contains(Chain(error), ex => ex is SocketException { SocketErrorCode: SocketError.ConnectionReset } or System.IO.IOException);
    }

    [Fact]
    public async Task A_slow_body_sends_the_whole_answer_slowly_after_processing()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.Enqueue(EmulatorFault.SlowBody(TimeSpan.FromMilliseconds(40), chunkSize: 64));

        var clock = Stopwatch.StartNew();
        using var response = await api.PostAsync(CreateBody, api.Emulator.EngineCode, api.Emulator.EngineSecret);
        var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.True((bool)envelope["Successful"]!);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(80), $"answered after {clock.Elapsed}");
        Assert.Equal(1, api.Emulator.Count("FormA"));
        Assert.Equal(RequestOutcome.Succeeded, (await api.WaitUntilServedAsync(1)).Outcome);
    }

    [Fact]
    public async Task A_slow_body_sends_its_head_at_once_then_a_chunk_each_wait_and_is_served_with_the_last()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = await EmulatorSession.StartAsync(new H3YunEmulatorOptions { Clock = clock });
        api.Emulator.Faults.Enqueue(EmulatorFault.SlowBody(TimeSpan.FromSeconds(1), chunkSize: 16));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // No time passes on the emulator's clock: the head comes anyway, with the body's type and length.
        using var response = await api.PostAsync(CreateBody, api.Emulator.EngineCode, api.Emulator.EngineSecret, completion: HttpCompletionOption.ResponseHeadersRead, cancellationToken: patience.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var length = checked((int)response.Content.Headers.ContentLength!.Value);
        Assert.InRange(length, 17, 1000);

        await using var body = await response.Content.ReadAsStreamAsync(patience.Token);
        var received = new byte[length];
        var read = 0;
        while (read < length)
        {
            // A wait's worth of time releases the next chunk; moved again until it comes, in case the emulator was not waiting yet.
            var reading = body.ReadAsync(received.AsMemory(read), patience.Token).AsTask();
            while (!reading.IsCompleted)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                await Task.WhenAny(reading, Task.Delay(20, patience.Token));
            }

            var count = await reading;
            Assert.InRange(count, 1, length - read);
            read += count;
        }

        Assert.Equal(0, await body.ReadAsync(new byte[1], patience.Token));
        Assert.True((bool)JsonNode.Parse(received)!["Successful"]!);
        var served = await api.WaitUntilServedAsync(1); // with no more time on the clock: no wait after the last chunk
        Assert.Equal(RequestOutcome.Succeeded, served.Outcome);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(received), served.Answer);
    }

    [Fact]
    public async Task A_client_that_stops_reading_a_slow_body_is_recorded_as_having_given_up_after_the_write()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.Enqueue(EmulatorFault.SlowBody(TimeSpan.FromSeconds(2), chunkSize: 1));
        using var timeout = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            using var response = await api.PostAsync(CreateBody, api.Emulator.EngineCode, api.Emulator.EngineSecret, cancellationToken: timeout.Token, completion: HttpCompletionOption.ResponseHeadersRead);
            var reading = response.Content.ReadAsStringAsync(timeout.Token);
            await timeout.CancelAsync();
            await reading;
        });

        var served = await api.WaitUntilServedAsync(1);
        Assert.Equal(RequestOutcome.ClientGaveUp, served.Outcome);
        Assert.Equal(1, api.Emulator.Count("FormA"));
    }

    private static System.Collections.Generic.IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
