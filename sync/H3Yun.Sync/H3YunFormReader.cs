using System.Runtime.CompilerServices;
using System.Text.Json;
using H3Yun.Sync.Copying;
using H3Yun.Sync.Windows;

namespace H3Yun.Sync;

/// <summary>
/// Reads every record of a form (or those modified since a time) by the copy's own rules: windows of
/// <c>ModifiedTime</c> read in one request each, split while a window holds more than 500 rows, a second that holds
/// more split by ObjectId prefixes, and never row-number paging over a range that can change (H3Yun cannot sort, so
/// such paging skips and repeats rows). Memory holds one window at a time.
/// </summary>
/// <remarks>
/// The records returned are those whose <c>ModifiedTime</c> is below the upper bound given to
/// <see cref="ReadAsync"/>. A record edited while the read runs moves above that bound: it comes as it was if its
/// window was read before the edit, otherwise not at all; reading again from the bound picks it up.
/// </remarks>
public sealed class H3YunFormReader
{
    private readonly H3YunClient _client;

    /// <summary>Creates the reader.</summary>
    /// <param name="client">The client: its rate budget and retry rules apply to every request.</param>
    public H3YunFormReader(H3YunClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>How far behind H3Yun's clock <see cref="Upper"/> stays, so that writes stamped just before it have committed. Default 10 seconds.</summary>
    public TimeSpan Lag { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>H3Yun's clock; this machine's by default (as <see cref="H3YunSyncOptions.Clock"/>).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The upper bound a read started now uses: H3Yun's clock (China time, UTC+8) cut to the second, less <see cref="Lag"/>.</summary>
    /// <returns>The bound, a whole second of China time.</returns>
    public DateTime Upper() => WindowPlanner.Upper(Clock.GetUtcNow(), Lag);

    /// <summary>
    /// Reads the records of a form whose <c>ModifiedTime</c> is at or after <paramref name="since"/> and before
    /// <paramref name="upper"/>, one window's records at a time, each record with its child rows as H3Yun answers it.
    /// </summary>
    /// <param name="schemaCode">The form.</param>
    /// <param name="since">The first modified time to read (China time, no offset), or null for every record.</param>
    /// <param name="upper">The bound to stop before (China time), usually <see cref="Upper"/>.</param>
    /// <param name="progress">Receives progress after each request's records are handed on; called on the read's own flow.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The records, a window at a time, in ascending windows; the order inside a window is H3Yun's.</returns>
    /// <exception cref="H3YunSyncException">H3Yun answered in a way that leaves a window's completeness in doubt.</exception>
    /// <exception cref="H3YunException">A request failed after the client's retries.</exception>
    public async IAsyncEnumerable<IReadOnlyList<JsonElement>> ReadAsync(
        string schemaCode,
        DateTime? since,
        DateTime upper,
        IProgress<FormReadProgress>? progress = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaCode);
        long requests = 0;
        long rows = 0;
        var windows = 0;
        var reader = new SourceReader(_client, () => requests++);
        var pending = new Stack<(TimeWindow Window, long Expected)>(Plan(since, upper).Reverse().Select(window => (window, 0L)));
        void Report() => progress?.Report(new FormReadProgress(schemaCode, windows, requests, rows, pending.Count, pending.Sum(item => item.Expected)));
        while (pending.TryPop(out var next))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var window = next.Window;
            var answer = await reader.ReadAsync(schemaCode, "ModifiedTime", window, prefix: null, idsOnly: false, cancellationToken).ConfigureAwait(false);
            windows++;
            if (answer.IsComplete)
            {
                rows += answer.Rows.Count;
                Report();
                if (answer.Rows.Count > 0)
                {
                    yield return answer.Rows;
                }
            }
            else if (window.Seconds >= 2)
            {
                var parts = WindowPlanner.Split(window, answer.TotalCount, TimesOf(answer.Rows));
                foreach (var part in parts.Reverse())
                {
                    pending.Push((part, answer.TotalCount / parts.Count));
                }

                Report();
            }
            else
            {
                // One second with more than 500 rows: its parts are handed on only once the partition is checked.
                var parts = new List<IReadOnlyList<JsonElement>>();
                await SecondPartition.ReadAsync(reader, schemaCode, "ModifiedTime", window, answer.TotalCount, idsOnly: false, part =>
                {
                    windows++;
                    parts.Add(part);
                    return Task.CompletedTask;
                }, cancellationToken).ConfigureAwait(false);
                foreach (var part in parts)
                {
                    rows += part.Count;
                    Report();
                    yield return part;
                }
            }
        }
    }

    private static IReadOnlyList<TimeWindow> Plan(DateTime? since, DateTime upper)
    {
        if (since is not { } from)
        {
            return WindowPlanner.Initial(null, upper, TimeSpan.Zero);
        }

        var start = new DateTime(from.Ticks - (from.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified);
        return start >= upper ? [] : [new TimeWindow(start, upper)];
    }

    private static List<DateTime> TimesOf(IReadOnlyList<JsonElement> rows)
    {
        var times = new List<DateTime>(rows.Count);
        foreach (var row in rows)
        {
            if (row.ValueKind == JsonValueKind.Object && row.TryGetProperty("ModifiedTime", out var value) && value.ValueKind == JsonValueKind.String && ChinaTime.TryParse(value.GetString(), out var time))
            {
                times.Add(time);
            }
        }

        return times;
    }
}

/// <summary>How far a <see cref="H3YunFormReader"/> read is.</summary>
/// <param name="SchemaCode">The form.</param>
/// <param name="Windows">Windows read (each one request).</param>
/// <param name="Requests">Requests sent.</param>
/// <param name="Records">Records handed on.</param>
/// <param name="WindowsAhead">Windows planned and not yet read.</param>
/// <param name="RecordsAhead">Records expected in them (from the counts of the windows they were split from).</param>
public sealed record FormReadProgress(string SchemaCode, int Windows, long Requests, long Records, int WindowsAhead, long RecordsAhead);
