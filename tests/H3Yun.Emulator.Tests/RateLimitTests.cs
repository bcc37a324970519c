using System;
using System.Net;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>H3Yun documents "调用频率：1-2 次/秒" (docs/protocol.md#rate-limit) but not how it refuses the excess; the emulator can enforce it.</summary>
public class RateLimitTests
{
    private const string CreateBody = """
        {"ActionName":"CreateBizObject","SchemaCode":"FormA","BizObject":"{\"F0000001\":\"x\"}","IsSubmit":true}
        """;

    [Fact]
    public void No_limit_is_enforced_by_default_and_refusals_are_API_errors()
    {
        var options = new H3YunEmulatorOptions();

        Assert.Null(options.RateLimit);
        Assert.Equal(RateLimitRefusal.ApiError, options.RateLimitRefusal);
    }

    [Fact]
    public async Task Over_the_limit_a_write_is_refused_with_a_Chinese_rate_message_and_not_stored()
    {
        // One call every 4 s: the next turn comes long after the second call, however slowly a loaded machine makes
        // the first (at 2 a second a turn came back after half a second, and a slow first create let the third in).
        await using var api = await EmulatorSession.StartAsync(new H3YunEmulatorOptions { RateLimit = 0.25 });

        await api.SucceedAsync(CreateBody);
        var message = await api.FailAsync(CreateBody);

        Assert.StartsWith(RateLimitTexts.ErrorMessagePrefix, message, StringComparison.Ordinal);
        Assert.Equal("调用频率超过限制", RateLimitTexts.ErrorMessagePrefix);
        Assert.Equal(1, api.Emulator.Count("FormA"));
        var refused = await api.WaitUntilServedAsync(2);
        Assert.Equal(RequestOutcome.RateLimited, refused.Outcome);
        Assert.False(refused.Processed);
    }

    [Fact]
    public async Task Http429_refusals_carry_Retry_After()
    {
        await using var api = await EmulatorSession.StartAsync(new H3YunEmulatorOptions { RateLimit = 1, RateLimitRefusal = RateLimitRefusal.Http429 });

        await api.SucceedAsync(CreateBody);
        using var refused = await api.PostAsync(CreateBody, api.Emulator.EngineCode, api.Emulator.EngineSecret);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(1, api.Emulator.Count("FormA"));
    }

    [Fact]
    public async Task A_client_that_paces_itself_at_the_rate_is_never_refused()
    {
        await using var api = await EmulatorSession.StartAsync(new H3YunEmulatorOptions { RateLimit = 5 });

        for (var i = 0; i < 8; i++)
        {
            await api.SucceedAsync(CreateBody);
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        Assert.Equal(8, api.Emulator.Count("FormA"));
    }

    [Fact]
    public async Task The_budget_is_per_EngineCode()
    {
        await using var api = await EmulatorSession.StartAsync(new H3YunEmulatorOptions { RateLimit = 1 });

        await api.SucceedAsync(CreateBody);
        // Another engine's request (refused for its credentials, but counted against its own budget) is not limited by this one's.
        using var other = await api.PostAsync(CreateBody, "another-engine", "x");
        var otherEnvelope = await EmulatorSession.ReadEnvelopeAsync(other);

        Assert.Contains("EngineSecret", (string?)otherEnvelope["ErrorMessage"], StringComparison.Ordinal);
        Assert.StartsWith(RateLimitTexts.ErrorMessagePrefix, await api.FailAsync(CreateBody), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_budget_refills_after_a_second()
    {
        await using var api = await EmulatorSession.StartAsync(new H3YunEmulatorOptions { RateLimit = 1 });
        await api.SucceedAsync(CreateBody);
        await api.FailAsync(CreateBody);

        await Task.Delay(TimeSpan.FromSeconds(1.2));

        await api.SucceedAsync(CreateBody);
        Assert.Equal(2, api.Emulator.Count("FormA"));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public async Task A_rate_that_is_not_a_positive_number_is_refused_at_start(double rate)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => H3YunEmulator.StartAsync(new H3YunEmulatorOptions { RateLimit = rate }));
    }
}
