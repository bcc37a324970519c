using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace H3Yun.Runtime.Tests;

/// <summary>Bounds for every wait in the tests, so that a hang fails the test instead of stalling the run.</summary>
internal static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>The task's result, or a failure naming the hang when it takes longer than 30 s.</summary>
    public static async Task<T> Within<T>(this Task<T> task)
    {
        await Within((Task)task);
        return await task;
    }

    /// <summary>The task, or a failure naming the hang when it takes longer than 30 s.</summary>
    public static async Task Within(this Task task)
    {
        using (var stop = new CancellationTokenSource())
        {
            await Task.WhenAny(task, Task.Delay(Limit, stop.Token));
            await stop.CancelAsync();
        }

        Assert.True(task.IsCompleted, $"The call did not end within {Limit.TotalSeconds} s: it hangs.");
        await task;
    }

    /// <summary>
    /// Runs a call on the thread pool within the bound: a call whose every await completes at once (an in-memory
    /// server) and that loops for ever would otherwise never hand back a task to bound.
    /// </summary>
    public static Task<T> Run<T>(Func<Task<T>> call) => Task.Run(call).Within();

    /// <inheritdoc cref="Run{T}(Func{Task{T}})"/>
    public static Task Run(Func<Task> call) => Task.Run(call).Within();

    /// <summary>Runs a call that must fail with <typeparamref name="T"/> exactly, within the bound.</summary>
    public static async Task<T> FailsWith<T>(Func<Task> call)
        where T : Exception => await Assert.ThrowsAsync<T>(() => Run(call));

    /// <summary>Waits, at most 10 s, until <paramref name="condition"/> holds.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (bound.IsCancellationRequested)
            {
                Assert.Fail($"Waited 10 s for {what}.");
            }

            await Task.Delay(5, CancellationToken.None);
        }
    }
}

/// <summary>
/// Asserts that no form of the EngineSecret reaches an exception: raw, JSON-escaped or URL-encoded, whole or in part
/// (any 12 characters of it, so that an excerpt cut off in the middle of the secret still counts).
/// </summary>
internal static class SecretAssert
{
    private const int Window = 12;

    public static void NotIn(Exception error, string secret)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            NotIn(current.Message, secret, $"the message of {current.GetType().Name}");
        }

        NotIn(error.ToString(), secret, "ToString()");
    }

    public static void NotIn(string text, string secret, string where)
    {
        foreach (var part in Parts(secret))
        {
            foreach (var (form, encoded) in Forms(part))
            {
                Assert.False(
                    text.Contains(encoded, StringComparison.OrdinalIgnoreCase),
                    $"Part of the secret ('{part}', {form}) is in {where}: {text}");
            }
        }
    }

    /// <summary>The ways a server can echo a secret back.</summary>
    public static IReadOnlyList<(string Form, string Text)> Forms(string secret) =>
    [
        ("raw", secret),
        ("\\uXXXX-escaped", JsonUnicodeEscaped(secret)),
        ("\\/-escaped", secret.Replace("/", "\\/", StringComparison.Ordinal)),
        ("System.Text.Json-escaped", System.Text.Json.JsonSerializer.Serialize(secret).Trim('"')),
        ("URL-encoded", Uri.EscapeDataString(secret)),
        ("form-encoded", WebUtility.UrlEncode(secret)),
    ];

    public static string JsonUnicodeEscaped(string text) =>
        string.Concat(text.Select(static c => $"\\u{(int)c:x4}"));

    private static IEnumerable<string> Parts(string secret) =>
        secret.Length <= Window ? [secret] : Enumerable.Range(0, secret.Length - Window + 1).Select(i => secret.Substring(i, Window));
}

/// <summary>A logger that keeps every entry with its structured values, to read what the client logged.</summary>
internal sealed class RecordingLogger : ILogger<H3YunClient>
{
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The delays of the retries the client announced (log event 2), in order.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays => [.. Entries.Where(static e => e.EventId == 2).Select(static e => (TimeSpan)e.Values["Delay"]!)];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(static p => p.Key, static p => p.Value, StringComparer.Ordinal)
            : [];
        lock (_entries)
        {
            _entries.Add(new LogEntry(eventId.Id, formatter(state, exception), values));
        }
    }
}

internal sealed record LogEntry(int EventId, string Message, IReadOnlyDictionary<string, object?> Values);

/// <summary>Builds bodies for the tests.</summary>
internal static class Bodies
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string Envelope(string returnDataJson) =>
        $$"""{"Successful":true,"ErrorMessage":null,"Logined":false,"ReturnData":{{returnDataJson}},"DataType":0}""";
}
