using System.Collections.Concurrent;
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

    private static readonly ConcurrentDictionary<string, JsonEncodedText> Known = new(ReferenceEqualityComparer.Instance);
    private static int _count;

    /// <summary>The encoded name, when it is kept or can be kept.</summary>
    public static bool TryGet(string fieldCode, out JsonEncodedText encoded)
    {
        if (Known.TryGetValue(fieldCode, out encoded))
        {
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
}
