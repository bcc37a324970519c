using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;

namespace H3Yun;

/// <summary>
/// Writes a record's BizObject JSON straight into UTF-8, byte for byte what <see cref="Utf8JsonWriter"/> with
/// <see cref="JsonWriting.Options"/> writes (<c>RecordJsonWriterTests</c> hold it to that), into a rented array of its
/// own: a record is written by the runtime's own code in one shape (members of objects, items of arrays), so the
/// general writer's checks of its state are not needed, and a comma is the one thing to remember. A name is the
/// caller's bytes, already escaped; text is transcoded and checked for what JSON must escape in one pass
/// (<see cref="JsonTextTranscoder"/>), and escaped only when it must, which is almost never.
/// Values kept as JSON (a row's unknown members, raw fields) go through a <see cref="Utf8JsonWriter"/> of their own.
/// Writing a record this way took a sixth off its time (docs/contributing/benchmarks.md; its history in CHANGELOG.md).
/// </summary>
internal sealed class RecordJsonWriter : IDisposable
{
    private const int InitialSize = 16 * 1024;
    private const int MaxDecimalLength = 31; // 29 digits, a point and a sign
    private const int MaxInt64Length = 20;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _length;

    // Whether the next member or item follows one, and so needs a comma.
    private bool _afterValue;

    /// <summary>The JSON written so far; not to be used after disposal.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void StartObject() => Open((byte)'{');

    public void EndObject() => Close((byte)'}');

    public void StartArray() => Open((byte)'[');

    public void EndArray() => Close((byte)']');

    /// <summary>Writes a member's name as <see cref="Utf8JsonWriter.WritePropertyName(string)"/> does, and the colon.</summary>
    public void PropertyName(string name)
    {
        Quoted(name, extra: 1);
        Reserve(1)[0] = (byte)':';
        Advance(1);
        _afterValue = false;
    }

    // The members below are written in one piece, the name's quoted bytes and colon (H3FieldName.NameAndColon) and
    // then the value, within one reservation of room: a name and its value written apart were a twentieth of a write.
    public void StringMember(ReadOnlySpan<byte> nameAndColon, string value)
    {
        var span = Reserve(nameAndColon.Length + (value.Length * 3) + 3 + JsonTextTranscoder.Slack);
        if (TryInQuotes(span, Member(span, nameAndColon), value, out var end))
        {
            Finish(end);
            return;
        }

        // Nothing of the attempt was kept: the name is written again, at the same place.
        Name(nameAndColon);
        StringValue(value);
    }

    public void NumberMember(ReadOnlySpan<byte> nameAndColon, decimal value)
    {
        var span = Reserve(nameAndColon.Length + MaxDecimalLength + 1);
        var length = Member(span, nameAndColon);
        Finish(length + DecimalText.Format(value, span[length..]));
    }

    public void NumberMember(ReadOnlySpan<byte> nameAndColon, long value)
    {
        var span = Reserve(nameAndColon.Length + MaxInt64Length + 1);
        var length = Member(span, nameAndColon);
        if (value < 0)
        {
            // The magnitude as unsigned, which long.MinValue's has room for.
            span[length++] = (byte)'-';
            length += AsciiDigits.Write((ulong)(-(value + 1)) + 1, span[length..]);
        }
        else
        {
            length += AsciiDigits.Write((ulong)value, span[length..]);
        }

        Finish(length);
    }

    public void LiteralMember(ReadOnlySpan<byte> nameAndColon, ReadOnlySpan<byte> json)
    {
        var span = Reserve(nameAndColon.Length + json.Length + 1);
        var length = Member(span, nameAndColon);
        json.CopyTo(span[length..]);
        Finish(length + json.Length);
    }

    /// <summary>Writes a date member as <c>yyyy-MM-dd HH:mm:ss</c> in H3Yun's zone, formatted where it goes.</summary>
    public void DateMember(ReadOnlySpan<byte> nameAndColon, DateTime value, TimeZoneInfo zone)
    {
        var span = Reserve(nameAndColon.Length + WireFormat.DateTimeWriteLength + 3);
        var length = Member(span, nameAndColon);
        span[length++] = (byte)'"';
        length += WireFormat.FormatDateTime(value, zone, span[length..]);
        span[length++] = (byte)'"';
        Finish(length);
    }

    /// <summary>Writes a member's quoted name and colon, for a value that follows.</summary>
    public void Name(ReadOnlySpan<byte> nameAndColon)
    {
        var span = Reserve(nameAndColon.Length + 1);
        Advance(Member(span, nameAndColon));
        _afterValue = false;
    }

    public void StringValue(string value)
    {
        Quoted(value, extra: 0);
        _afterValue = true;
    }

    public void NullValue() => Literal("null"u8);

    /// <summary>Writes a value kept as JSON as <see cref="JsonElement.WriteTo"/> writes it.</summary>
    public void RawValue(JsonElement value)
    {
        using var raw = new PooledBufferWriter();
        using (var json = new Utf8JsonWriter(raw, JsonWriting.Options))
        {
            value.WriteTo(json);
        }

        Literal(raw.WrittenSpan);
    }

    // Text with a character to escape or a lone surrogate is escaped by the client's encoder first, as Utf8JsonWriter
    // does; escaped text is well-formed, of at most three bytes a character.
    private void Quoted(string text, int extra)
    {
        var span = Reserve((text.Length * 3) + 3 + extra + JsonTextTranscoder.Slack);
        if (TryInQuotes(span, Separator(span), text, out var end))
        {
            Advance(end);
            return;
        }

        var escaped = ArrayPool<char>.Shared.Rent(text.Length * JsonOnlyEscaping.Instance.MaxOutputCharactersPerInputCharacter);
        try
        {
            JsonOnlyEscaping.Instance.Encode(text, escaped, out _, out var escapedLength);
            EscapedQuoted(escaped.AsSpan(0, escapedLength), extra);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(escaped);
        }
    }

    private void EscapedQuoted(ReadOnlySpan<char> escaped, int extra)
    {
        var span = Reserve((escaped.Length * 3) + 3 + extra);
        var at = Separator(span);
        span[at++] = (byte)'"';
        var status = Utf8.FromUtf16(escaped, span[at..], out _, out var written, replaceInvalidSequences: false);
        Debug.Assert(status == OperationStatus.Done, "Escaped text is well-formed UTF-16.");
        at += written;
        span[at++] = (byte)'"';
        Advance(at);
    }

    // Text transcoded in quotes at a position of the room reserved for it: false when JSON must escape a character
    // of it or it holds a lone surrogate, which the escaping path replaces, as Utf8JsonWriter does.
    private static bool TryInQuotes(Span<byte> span, int at, ReadOnlySpan<char> text, out int end)
    {
        span[at++] = (byte)'"';
        var written = JsonTextTranscoder.TryTranscode(text, span[at..]);
        end = at + written + 1;
        if (written < 0)
        {
            return false;
        }

        span[end - 1] = (byte)'"';
        return true;
    }

    private void Literal(ReadOnlySpan<byte> json)
    {
        var span = Reserve(json.Length + 1);
        var length = Separator(span);
        json.CopyTo(span[length..]);
        Finish(length + json.Length);
    }

    private void Open(byte bracket)
    {
        var span = Reserve(2);
        var length = Separator(span);
        span[length++] = bracket;
        Advance(length);
        _afterValue = false;
    }

    private void Close(byte bracket)
    {
        Reserve(1)[0] = bracket;
        Advance(1);
        _afterValue = true;
    }

    // Room for more bytes after those written, from a larger rented buffer when this one is full.
    private Span<byte> Reserve(int more)
    {
        if (_buffer.Length - _length < more)
        {
            Grow(more);
        }

        return _buffer.AsSpan(_length);
    }

    // Apart from Reserve, which is inlined into every member's writing: the rare way in a copy at each of them made a
    // record's code too big to stay in the instruction cache.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int more)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        WrittenSpan.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    private void Advance(int count) => _length += count;

    private int Member(Span<byte> span, ReadOnlySpan<byte> nameAndColon)
    {
        var length = Separator(span);
        nameAndColon.CopyTo(span[length..]);
        return length + nameAndColon.Length;
    }

    private int Separator(Span<byte> span)
    {
        if (!_afterValue)
        {
            return 0;
        }

        span[0] = (byte)',';
        return 1;
    }

    private void Finish(int length)
    {
        Advance(length);
        _afterValue = true;
    }
}
