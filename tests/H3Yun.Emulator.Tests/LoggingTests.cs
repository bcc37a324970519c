using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Xunit;

namespace H3Yun.Emulator.Tests;

public class LoggingTests
{
    [Fact]
    public async Task A_logger_provider_sees_the_web_hosts_logs()
    {
        using var provider = new CapturingLoggerProvider();

        await using (await H3YunEmulator.StartAsync(new H3YunEmulatorOptions { LoggerProvider = provider }))
        {
        }

        Assert.Contains(provider.Messages, message => message.Contains("127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_request_writes_one_line_with_its_action_form_outcome_status_and_time()
    {
        using var provider = new CapturingLoggerProvider();
        await using var api = await EmulatorSession.StartAsync(new H3YunEmulatorOptions { LoggerProvider = provider });

        await api.CreateAsync("FormA", """{"F0000001":"x"}""");
        using (await api.PostAsync("not json", api.Emulator.EngineCode, api.Emulator.EngineSecret))
        {
        }

        await LineAsync(provider, @"^#1 CreateBizObject FormA -> Succeeded 200 in \d+\.\d ms$");
        await LineAsync(provider, @"^#2 - - -> Refused 200 in \d+\.\d ms$");
        Assert.Single(provider.Messages, message => message.StartsWith("#1 ", StringComparison.Ordinal));
    }

    // The line is written just after the request is recorded as served: wait for it, a while at most.
    private static async Task LineAsync(CapturingLoggerProvider provider, string pattern)
    {
        for (var wait = 0; wait < 1000 && !provider.Messages.Any(message => Regex.IsMatch(message, pattern)); wait++)
        {
            await Task.Delay(10);
        }

        Assert.Contains(provider.Messages, message => Regex.IsMatch(message, pattern));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(Messages);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(formatter(state, exception));
    }
}
