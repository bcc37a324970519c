using System.Text.Json;
#if NET10_0_OR_GREATER
using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Unicode;
#endif

namespace H3Yun;

/// <summary>
/// The names of a record's members as strings, without a new string per member per record: a 500-row window of 70
/// members would otherwise make 35,000 strings of the same few dozen field codes. On .NET 10 the name is looked up
/// from its bytes in the answer among the names seen before; the table is bounded, so that an answer of endless
/// made-up names costs what it costs without it and no more.
/// </summary>
internal static class MemberNames
{
#if NET10_0_OR_GREATER
    private const int MaxNames = 16 * 1024;
    private const int MaxNameLength = 64;

    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownByText = Known.GetAlternateLookup<ReadOnlySpan<char>>();
    private static int _count;
#endif

#if NET10_0_OR_GREATER
    /// <summary>How many names are kept.</summary>
    internal static int KnownCount => Known.Count;

    /// <summary>The most names kept.</summary>
    internal static int Capacity => MaxNames;

#endif
    /// <summary>The member's name, the same string every time for the same name.</summary>
    public static string Of(JsonProperty member)
    {
#if NET10_0_OR_GREATER
        // A name with an escape is left to JsonProperty, which unescapes it; field codes never have one.
        var utf8 = JsonMarshal.GetRawUtf8PropertyName(member);
        Span<char> text = stackalloc char[MaxNameLength];
        if (utf8.Length <= MaxNameLength && !utf8.Contains((byte)'\\')
            && Utf8.ToUtf16(utf8, text, out _, out var length, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            text = text[..length];
            if (KnownByText.TryGetValue(text, out var known))
            {
                return known;
            }

            var name = text.ToString();
            if (Volatile.Read(ref _count) < MaxNames && Known.TryAdd(name, name))
            {
                Interlocked.Increment(ref _count);
            }

            return name;
        }
#endif
        return member.Name;
    }
}

/// <summary>
/// The member names of the records of one array, in the order the last record had them. H3Yun sends every record of
/// an answer with the same members in the same order, so each name after the first record is recognised by comparing
/// its bytes with the name at the same place in the record before, without a lookup and without a string.
/// </summary>
internal sealed class MemberNameSequence
{
    private readonly List<(byte[] Utf8, string Name)> _names = [];

    /// <summary>The name of the member at <paramref name="position"/> of a record.</summary>
    public string Of(int position, JsonProperty member)
    {
        if (position < _names.Count && member.NameEquals(_names[position].Utf8))
        {
            return _names[position].Name;
        }

        var name = MemberNames.Of(member);
        var entry = (System.Text.Encoding.UTF8.GetBytes(name), name);
        if (position < _names.Count)
        {
            _names[position] = entry;
        }
        else if (position == _names.Count)
        {
            _names.Add(entry);
        }

        return name;
    }
}
