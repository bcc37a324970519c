using H3Yun.Emulator;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// A client that sends faster than H3Yun allows is refused, in whichever form H3Yun refuses; such a refusal was not
/// applied, so reads and writes alike wait and try again, and every write lands exactly once.
/// </summary>
public class RateRefusalTests
{
    [Theory]
    [InlineData(RateLimitRefusal.ApiError)]
    [InlineData(RateLimitRefusal.Http429)]
    public async Task Writes_refused_for_rate_are_sent_again_and_land_exactly_once(RateLimitRefusal refusal)
    {
        await using var emulator = await H3YunEmulator.StartAsync(new H3YunEmulatorOptions { RateLimit = 5, RateLimitRefusal = refusal, EngineCode = $"refusing-{refusal}" });
        using var client = new H3YunClient(new H3YunClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            EngineCode = emulator.EngineCode,
            EngineSecret = emulator.EngineSecret,
            RequestsPerSecond = null, // a client that does not pace itself, as when the budget was set too high
            MaxRetryAttempts = 20,
            RetryDelay = TimeSpan.FromMilliseconds(50),
        });
        var books = new BookRepository(client);

        var created = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => books.CreateAsync(new Book { Title = $"R-{i}" })));

        Assert.Equal(12, created.Select(c => c.ObjectId).Distinct().Count());
        Assert.Equal(12, emulator.Count(Book.SchemaCode));
        Assert.Contains(emulator.Requests, r => r.Outcome == RequestOutcome.RateLimited);
    }
}
