using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// The record's own JSON writer writes byte for byte what <see cref="Utf8JsonWriter"/> with the client's options
/// writes: any record of any members (text of every kind of character, numbers of every scale, booleans, nulls, dates,
/// values kept as JSON) and child tables of rows, written both ways and compared; and decimals formatted from their
/// mantissa read as the general formatter writes them.
/// </summary>
public class RecordJsonWriterTests
{
    private static readonly Gen<char> Interesting = Gen.OneOf(
        Gen.Char['\0', '\u007F'],
        Gen.Char['\u4E00', '\u9FFF'],
        Gen.Char['\uD800', '\uDFFF'],
        Gen.Char['\u0080', '\uFFFF'],
        Gen.Const('"'),
        Gen.Const('\\'),
        Gen.Const('\n'));

    private static readonly Gen<decimal> Decimals = Gen.OneOf(
        Gen.Select(Gen.Int, Gen.Int, Gen.Int, Gen.Bool, Gen.Byte[0, 28]).Select(static (lo, mid, hi, negative, scale) => new decimal(lo, mid, hi, negative, scale)),
        Gen.Select(Gen.Int, Gen.Int, Gen.Bool, Gen.Byte[0, 28]).Select(static (lo, mid, negative, scale) => new decimal(lo, mid, 0, negative, scale)),
        Gen.Select(Gen.Int[0, 100_000_000], Gen.Byte[0, 4]).Select(static (cents, scale) => new decimal(cents, 0, 0, false, scale)),
        Gen.Const(0m),
        Gen.Const(0.00m),
        Gen.Const(decimal.MaxValue),
        Gen.Const(decimal.MinValue));

    private static readonly Gen<Member> Members = Gen.OneOf(
        Gen.Select(Name(), Interesting.Array[0, 30]).Select(static (name, text) => (Member)new Member.Text(name, new string(text))),
        Gen.Select(FieldCode(), Decimals).Select(static (name, number) => (Member)new Member.Number(name, number)),
        Gen.Select(FieldCode(), Gen.Long).Select(static (name, number) => (Member)new Member.Whole(name, number)),
        Gen.Select(FieldCode(), Gen.Bool).Select(static (name, flag) => (Member)new Member.Flag(name, flag)),
        Name().Select(static name => (Member)new Member.Null(name)),
        Gen.Select(FieldCode(), Gen.DateTime).Select(static (name, date) => (Member)new Member.Date(name, DateTime.SpecifyKind(date, DateTimeKind.Unspecified))),
        Gen.Select(Name(), OneOf("""{"ObjectId":"u-1","Name":"张三"}""", """[1, 2.50, "a\u0022b", null, true]""", "\"\\u6c99\\u4e18\"", """  { "x" : [ ] }  """))
            .Select(static (name, json) => (Member)new Member.Raw(name, json)));

    [Fact]
    public void Any_record_is_written_as_Utf8JsonWriter_writes_it() =>
        Gen.Select(Members.Array[0, 12], Members.Array[0, 6].Array[0, 3].Array[0, 2])
            .Sample(static (members, tables) => AssertSame(members, tables), iter: 3_000);

    [Fact]
    public void A_record_that_outgrows_the_buffer_at_any_member_is_written_whole() =>
        Members.Array[300, 1_500].Sample(static members => AssertSame(members, []), iter: 200);

    [Fact]
    public void A_member_of_the_longest_kind_that_ends_at_any_byte_around_the_buffers_end_is_written_whole()
    {
        // The first member, a value kept as JSON (which reserves exactly its length), fills the first 16 KB to within
        // a few bytes; the next, in each way a member is written (names of 6, 7 and 8 characters), needs exactly the
        // room reserved for it, or grows the buffer.
        for (var pad = 0; pad < 60; pad++)
        {
            foreach (var name in new[] { "F00001", "F000001", "F0000001" })
            {
                Member[] longest =
                [
                    new Member.Text(name, new string('中', 10)), new Member.Number(name, decimal.MinValue), new Member.Number(name, new decimal(-1, -1, -1, true, 28)),
                    new Member.Whole(name, long.MinValue), new Member.Flag(name, false), new Member.Null(name), new Member.Date(name, DateTime.MaxValue),
                ];
                foreach (var member in longest)
                {
                    AssertSame([new Member.Raw("Filler", $"\"{new string('x', (16 * 1024) - 80 + pad)}\""), member], []);
                }
            }
        }
    }

    [Fact]
    public void A_record_larger_than_the_first_buffer_is_written_whole()
    {
        // 40 texts of 1,000 Chinese characters, 120 KB: the writer's first 16 KB are outgrown several times.
        Member[] members = [.. Enumerable.Range(0, 40).Select(static i => new Member.Text($"F{i:0000000}", new string((char)('\u4E00' + i), 1_000)))];

        AssertSame(members, []);
        Assert.True(Written(members, [], Own).Length / 2 > 100_000);
    }

    [Fact]
    public void A_disposed_writer_can_be_disposed_again_and_refuses_to_write()
    {
        var json = new RecordJsonWriter();
        json.StartObject();
        json.Dispose();
        json.Dispose();

        Assert.Throws<ObjectDisposedException>(() => json.StringValue("x"));
    }

    [Fact]
    public void Decimals_are_formatted_as_the_general_formatter_formats_them() =>
        Decimals.Sample(static number => Assert.Equal(GeneralFormat(number), DecimalText(number)), iter: 100_000);

    [Fact]
    public void Decimals_at_every_count_of_digits_and_every_scale_are_formatted_as_the_general_formatter_formats_them()
    {
        // Each side of every power of ten a 64-bit mantissa can reach, where the count of digits changes.
        var mantissas = Enumerable.Range(0, 20).Select(static p => (ulong)Math.Pow(10, p))
            .SelectMany(static power => new[] { power - 1, power, power + 1 })
            .Append(ulong.MaxValue);
        foreach (var mantissa in mantissas)
        {
            for (byte scale = 0; scale <= 28; scale++)
            {
                var number = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, false, scale);
                Assert.Equal(GeneralFormat(number), DecimalText(number));
            }
        }
    }

    [Fact]
    public void Whole_numbers_at_every_count_of_digits_of_either_sign_are_written_as_Utf8JsonWriter_writes_them()
    {
        // Each side of every power of ten a long reaches, where the count of digits (and of pairs) changes.
        var numbers = Enumerable.Range(0, 19).Select(static p => (long)Math.Pow(10, p))
            .SelectMany(static power => new[] { power - 1, power, power + 1 })
            .Concat([long.MaxValue, long.MinValue, long.MinValue + 1]);
        foreach (var number in numbers.SelectMany(static n => new[] { n, n == long.MinValue ? n : -n }))
        {
            AssertSame([new Member.Whole("F0000001", number)], []);
        }
    }

    [Theory]
    [InlineData("12.50", "12.50")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("100", "100")]
    [InlineData("-3.5", "-3.5")]
    [InlineData("0.00", "0.00")]
    public void Amounts_keep_every_digit_of_their_scale(string amount, string written)
    {
        Assert.Equal(written, DecimalText(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string GeneralFormat(decimal number)
    {
        Span<byte> utf8 = stackalloc byte[64];
        Assert.True(Utf8Formatter.TryFormat(number, utf8, out var length));
        return Encoding.ASCII.GetString(utf8[..length]);
    }

    private static string DecimalText(decimal number)
    {
        Span<byte> utf8 = stackalloc byte[64];
        var length = H3Yun.DecimalText.Format(number, utf8);
        return Encoding.ASCII.GetString(utf8[..length]);
    }

    private static Gen<string> OneOf(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static Gen<string> Name() => Gen.OneOf(OneOf("F0000001", "D000024FLines", "ObjectId"), Interesting.Array[1, 8].Select(static c => new string(c)));

    // A field code is well-formed UTF-16 (H3FieldName refuses a lone surrogate); any other name may be an unknown member's.
    private static Gen<string> FieldCode() => Name().Where(static name => IsWellFormed(name));

    private static bool IsWellFormed(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var used) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            rest = rest[used..];
        }

        return true;
    }

    // Our writer writes first: the arrays a reference run returns to the pool hold the same bytes at the same places,
    // which would hide a growth that lost what was written.
    private static void AssertSame(Member[] members, Member[][][] tables)
    {
        var own = Written(members, tables, Own);
        Assert.Equal(Written(members, tables, Reference), own);
    }

    private static string Written(Member[] members, Member[][][] tables, Func<Action<IWriter>, string> write) =>
        write(writer =>
        {
            writer.StartObject();
            foreach (var member in members)
            {
                member.WriteTo(writer);
            }

            for (var t = 0; t < tables.Length; t++)
            {
                writer.Name($"D00{t}");
                writer.StartArray();
                foreach (var row in tables[t])
                {
                    writer.StartObject();
                    foreach (var member in row)
                    {
                        member.WriteTo(writer);
                    }

                    writer.EndObject();
                }

                writer.EndArray();
            }

            writer.EndObject();
        });

    private static string Reference(Action<IWriter> write)
    {
        using var buffer = new PooledBufferWriter();
        using (var json = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            write(new ReferenceWriter(json));
        }

        return Convert.ToHexString(buffer.WrittenSpan);
    }

    private static string Own(Action<IWriter> write)
    {
        using var json = new RecordJsonWriter();
        write(new OwnWriter(json));
        return Convert.ToHexString(json.WrittenSpan);
    }

    private interface IWriter
    {
        void StartObject();

        void EndObject();

        void StartArray();

        void EndArray();

        void Name(string name);

        void WriteMember(Member member);
    }

    private abstract record Member(string Name)
    {
        public void WriteTo(IWriter writer) => writer.WriteMember(this);

        public sealed record Text(string Name, string Value) : Member(Name);

        public sealed record Number(string Name, decimal Value) : Member(Name);

        public sealed record Whole(string Name, long Value) : Member(Name);

        public sealed record Flag(string Name, bool Value) : Member(Name);

        public sealed record Null(string Name) : Member(Name);

        public sealed record Date(string Name, DateTime Value) : Member(Name)
        {
            public byte[] Utf8 => Encoding.ASCII.GetBytes(Value.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        }

        public sealed record Raw(string Name, string Json) : Member(Name)
        {
            public JsonElement Element => JsonDocument.Parse(Json).RootElement;
        }
    }

    private sealed class ReferenceWriter(Utf8JsonWriter json) : IWriter
    {
        public void StartObject() => json.WriteStartObject();

        public void EndObject() => json.WriteEndObject();

        public void StartArray() => json.WriteStartArray();

        public void EndArray() => json.WriteEndArray();

        public void Name(string name) => json.WritePropertyName(name);

        public void WriteMember(Member member)
        {
            json.WritePropertyName(member.Name);
            switch (member)
            {
                case Member.Text text: json.WriteStringValue(text.Value); break;
                case Member.Number number: json.WriteNumberValue(number.Value); break;
                case Member.Whole whole: json.WriteNumberValue(whole.Value); break;
                case Member.Flag flag: json.WriteBooleanValue(flag.Value); break;
                case Member.Null: json.WriteNullValue(); break;
                case Member.Date date: json.WriteStringValue(date.Utf8); break;
                case Member.Raw raw: raw.Element.WriteTo(json); break;
            }
        }
    }

    private sealed class OwnWriter(RecordJsonWriter json) : IWriter
    {
        public void StartObject() => json.StartObject();

        public void EndObject() => json.EndObject();

        public void StartArray() => json.StartArray();

        public void EndArray() => json.EndArray();

        public void Name(string name) => json.PropertyName(name);

        // Every way a member is written: what a field of a generated record holds, name and value in one piece (the
        // name's kept quoted bytes); text, null and a value kept as JSON also under a name by the string (unknown
        // members) or by the kept bytes, and then the value.
        public void WriteMember(Member member)
        {
            var way = member is not (Member.Text or Member.Null or Member.Raw) ? 2
                : IsWellFormed(member.Name) ? member.Name.Length % 3
                : 0;
            if (way == 0)
            {
                json.PropertyName(member.Name);
            }
            else
            {
                var nameAndColon = new H3FieldName(member.Name).NameAndColon;
                if (way == 2 && OnePiece(member, nameAndColon))
                {
                    return;
                }

                json.Name(nameAndColon);
            }

            switch (member)
            {
                case Member.Text text: json.StringValue(text.Value); break;
                case Member.Null: json.NullValue(); break;
                case Member.Raw raw: json.RawValue(raw.Element); break;
                default: throw new InvalidOperationException($"{member} is written in one piece only.");
            }
        }

        private bool OnePiece(Member member, byte[] nameAndColon)
        {
            switch (member)
            {
                case Member.Text text: json.StringMember(nameAndColon, text.Value); return true;
                case Member.Number number: json.NumberMember(nameAndColon, number.Value); return true;
                case Member.Whole whole: json.NumberMember(nameAndColon, whole.Value); return true;
                case Member.Flag flag: json.LiteralMember(nameAndColon, flag.Value ? "true"u8 : "false"u8); return true;
                case Member.Null: json.LiteralMember(nameAndColon, "null"u8); return true;
                case Member.Date date: json.DateMember(nameAndColon, date.Value, H3YunTimeZones.ChinaStandardTime); return true;
                default: return false;
            }
        }
    }
}
