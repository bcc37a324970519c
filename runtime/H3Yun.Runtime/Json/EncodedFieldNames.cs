using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace H3Yun;

/// <summary>
/// The encoded names of field codes that arrive as strings: a user's <c>[H3Form]</c> class passes its codes as string
/// literals, the same instance every time, so they are looked up by reference and encoded once. Generated forms keep
/// their own <see cref="H3FieldName"/>s and never come here. The table is bounded; past its bound a name is encoded
/// for the one write.
/// </summary>
internal static class EncodedFieldNames
{
    private const int MaxNames = 16 * 1024;

    private const int RecentSize = 1024;

    private static readonly ConcurrentDictionary<string, H3FieldName> Known = new(ReferenceEqualityComparer.Instance);

    // Names by their identity hash, found without the dictionary's lookup, which was a twentieth of writing a record.
    // A slot is set once, to an immutable name, so a reader sees no name or the whole name.
    private static readonly H3FieldName?[] Recent = new H3FieldName?[RecentSize];
    private static int _count;

    /// <summary>The encoded name of <paramref name="fieldCode"/>: the kept one when there is one.</summary>
    public static H3FieldName Of(string fieldCode)
    {
        var slot = RuntimeHelpers.GetHashCode(fieldCode) & (RecentSize - 1);
        if (Recent[slot] is { } recent && ReferenceEquals(recent.Code, fieldCode))
        {
            return recent;
        }

        if (Known.TryGetValue(fieldCode, out var known))
        {
            // The first name of a slot keeps it: names that share one take the dictionary, rather than taking turns.
            Recent[slot] ??= known;
            return known;
        }

        var name = new H3FieldName(fieldCode);
        if (Volatile.Read(ref _count) < MaxNames && Known.TryAdd(fieldCode, name))
        {
            Interlocked.Increment(ref _count);
        }

        return name;
    }

    /// <summary>Whether <paramref name="fieldCode"/> is kept.</summary>
    internal static bool IsKept(string fieldCode) => Known.ContainsKey(fieldCode);
}
