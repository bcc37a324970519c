using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
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
