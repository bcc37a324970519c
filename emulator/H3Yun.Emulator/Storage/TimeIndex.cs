using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Querying;
using H3Yun.Emulator.Values;

namespace H3Yun.Emulator.Storage;

/// <summary>
/// A form's records sorted by one date field, as positions in creation order: a range of that field is two binary
/// searches, so a window's count and rows cost what the window holds rather than a comparison with every record
/// (a copy of 100,000 records reads some 200 windows). Records whose value does not read as a date are kept apart and
/// always get the whole matcher, so the index never changes an answer. Built once per cached form and dropped with it
/// by any write.
/// </summary>
internal sealed class TimeIndex
{
    private readonly long[] _ticks;
    private readonly int[] _positions;

    private TimeIndex(long[] ticks, int[] positions, int[] unindexed)
    {
        _ticks = ticks;
        _positions = positions;
        Unindexed = unindexed;
    }

    /// <summary>The positions of records whose field is missing or does not read as a date.</summary>
    public IReadOnlyList<int> Unindexed { get; }

    /// <summary>Sorts the records (in creation order) by the field.</summary>
    public static TimeIndex Build(IReadOnlyList<JsonObject> records, string field)
    {
        var ticks = new List<long>(records.Count);
        var positions = new List<int>(records.Count);
        var unindexed = new List<int>();
        for (var i = 0; i < records.Count; i++)
        {
            if (H3DateText.TryParse(ValueComparer.Text(records[i][field]), out var time))
            {
                ticks.Add(time.Ticks);
                positions.Add(i);
            }
            else
            {
                unindexed.Add(i);
            }
        }

        var keys = ticks.ToArray();
        var values = positions.ToArray();
        Array.Sort(keys, values); // not stable, which no caller needs: they restore creation order from the positions
        return new TimeIndex(keys, values, [.. unindexed]);
    }

    /// <summary>The positions of the records within the range's bounds (not in creation order).</summary>
    public ReadOnlySpan<int> Within(TimeRange range)
    {
        var from = range.Lower is { } lower ? FirstAtOrAbove(lower.Ticks + (range.LowerInclusive ? 0 : 1)) : 0;
        var to = range.Upper is { } upper ? FirstAtOrAbove(upper.Ticks + (range.UpperInclusive ? 1 : 0)) : _ticks.Length;
        return to <= from ? [] : _positions.AsSpan(from, to - from);
    }

    private int FirstAtOrAbove(long ticks)
    {
        int low = 0, high = _ticks.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_ticks[middle] < ticks)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
