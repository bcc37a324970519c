using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace H3Yun;

/// <summary>
/// Field codes as the JSON writer wants them, escaped and in UTF-8 once rather than on every write of every record
/// (what System.Text.Json's own metadata does for property names). Generated code passes its field codes as string
/// constants, the same instance every time, so they are looked up by reference. The table is bounded; past its
/// bound a name is written the ordinary way.
/// </summary>
internal static class EncodedFieldNames
{
    private const int MaxNames = 16 * 1024;

    private const int RecentSize = 1024;

    private static readonly ConcurrentDictionary<string, JsonEncodedText> Known = new(ReferenceEqualityComparer.Instance);

    // Names by their identity hash, found without the dictionary's lookup, which was a twentieth of writing a record.
    // A slot is set once, to an immutable pair, so a reader sees no pair or the whole pair.
    private static readonly Entry?[] Recent = new Entry?[RecentSize];
    private static int _count;

    /// <summary>The encoded name, when it is kept or can be kept.</summary>
    public static bool TryGet(string fieldCode, out JsonEncodedText encoded)
    {
        var slot = RuntimeHelpers.GetHashCode(fieldCode) & (RecentSize - 1);
        if (Recent[slot] is { } recent && ReferenceEquals(recent.Name, fieldCode))
        {
            encoded = recent.Encoded;
            return true;
        }

        if (Known.TryGetValue(fieldCode, out encoded))
        {
            // The first name of a slot keeps it: names that share one take the dictionary, rather than taking turns.
            Recent[slot] ??= new Entry(fieldCode, encoded);
            return true;
        }

        if (Volatile.Read(ref _count) >= MaxNames)
        {
            return false;
        }

        encoded = JsonEncodedText.Encode(fieldCode, JsonWriting.Options.Encoder);
        if (Known.TryAdd(fieldCode, encoded))
        {
            Interlocked.Increment(ref _count);
        }

        return true;
    }

    private sealed record Entry(string Name, JsonEncodedText Encoded);
}
