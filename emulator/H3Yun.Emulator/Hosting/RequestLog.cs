using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace H3Yun.Emulator.Hosting;

/// <summary>
/// Every request in arrival order with what became of it. Bodies are masked before they get here and headers are
/// never kept, so the EngineSecret cannot leak into tests or onto the web page.
/// </summary>
internal sealed class RequestLog(int? limit)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Entry> _entries = [];
    private long _sequence;

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries.Select(entry => entry.Value)];
        }
    }

    public Entry Start(string path, string? actionName, string? schemaCode, string maskedBody, string? engineCode, DateTimeOffset receivedAt)
    {
        lock (_gate)
        {
            var entry = new Entry(this, new RecordedRequest
            {
                Sequence = ++_sequence,
                ReceivedAt = receivedAt,
                Path = path,
                ActionName = actionName,
                SchemaCode = schemaCode,
                Body = maskedBody,
                EngineCode = engineCode,
                Outcome = RequestOutcome.InProgress,
            });
            _entries.AddLast(entry);
            while (limit is { } most && _entries.Count > most)
            {
                _entries.RemoveFirst();
            }

            return entry;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>One request's record, updated as it is served.</summary>
    internal sealed class Entry(RequestLog log, RecordedRequest value)
    {
        public RecordedRequest Value { get; private set; } = value;

        public void Update(Func<RecordedRequest, RecordedRequest> change)
        {
            lock (log._gate)
            {
                Value = change(Value);
            }
        }
    }
}
