using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using H3Yun.Sync.Schema;
using H3Yun.Sync.Storage;

namespace H3Yun.Sync.Tests;

/// <summary>
/// The copy's reading of LoadBizObjects records into column values (<c>RowValues.Read</c>), on random input: every
/// value of every shape H3Yun is known to send reads back as the value that was encoded, and any record, however
/// mangled, gives each column a value of its column's type or none, never an exception, and list and JSON columns
/// always valid JSON.
/// </summary>
public class RowValueFuzzTests
{
    private static readonly LayoutColumn TextColumn = Column("F1", 14, false, ColumnKind.Text);
    private static readonly LayoutColumn TextListColumn = Column("F2", 14, true, ColumnKind.Json);
    private static readonly LayoutColumn DecimalColumn = Column("F3", 7, false, ColumnKind.Decimal);
    private static readonly LayoutColumn IntegerColumn = Column("F4", 11, false, ColumnKind.Integer);
    private static readonly LayoutColumn BooleanColumn = Column("F5", 1, false, ColumnKind.Boolean);
    private static readonly LayoutColumn TimestampColumn = Column("F6", 5, false, ColumnKind.Timestamp);
    private static readonly LayoutColumn PersonColumn = Column("F7", 26, false, ColumnKind.Text);
    private static readonly LayoutColumn PersonNameColumn = Column("F7", 26, false, ColumnKind.Text, ColumnRole.DisplayName);
    private static readonly LayoutColumn PeopleColumn = Column("F8", 27, false, ColumnKind.Json);
    private static readonly LayoutColumn PeopleNamesColumn = Column("F8", 27, false, ColumnKind.Json, ColumnRole.DisplayName);
    private static readonly LayoutColumn AddressColumn = Column("F9", 56, false, ColumnKind.Json);

    private static readonly LayoutColumn[] Columns =
        [TextColumn, TextListColumn, DecimalColumn, IntegerColumn, BooleanColumn, TimestampColumn, PersonColumn, PersonNameColumn, PeopleColumn, PeopleNamesColumn, AddressColumn];

    private static readonly Gen<string> Word = Gen.String[Gen.Char["ab中文xyz-_0"], 1, 6];

    /// <summary>A value of each kind, and one of the shapes H3Yun sends it in, as a record.</summary>
    private sealed record Encoded(string Record, decimal Number, long Whole, bool Flag, DateTime Time, string[] Options, (string Id, string? Name) Person, (string Id, string? Name)[] People, string Text, JsonObject Address)
    {
        public override string ToString() => Record;
    }

    private static readonly Gen<Encoded> Records =
        Gen.Select(
            Gen.Select(Gen.Decimal[-1_000_000m, 1_000_000m].Select(d => decimal.Round(d, 4)), Gen.Bool, Gen.Long, Gen.Int[0, 5], Gen.Bool, Gen.Int[0, 2]),
            Gen.Select(Gen.DateTime[new DateTime(2000, 1, 1), new DateTime(2040, 1, 1)].Select(t => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second)), Gen.Int[0, 3]),
            Gen.Select(Word.Array[1, 4], Gen.Bool),
            Gen.Select(Word, Word, Gen.Int[0, 2]),
            Gen.Select(Gen.Select(Word, Word).Array[1, 3], Gen.Int[0, 3]),
            Gen.Select(Gen.String[Gen.Char["ab\"\\\n中; {}[]"], 0, 8], Word, Gen.Decimal[-90m, 90m].Select(d => decimal.Round(d, 6))))
        .Select((numbers, time, options, person, people, rest) =>
        {
            var (number, numberAsText, whole, flagShape, flag, wholeShape) = numbers;
            var record = new JsonObject
            {
                ["ObjectId"] = "r-1",
                [TextColumn.Field.Code] = rest.Item1,
                [DecimalColumn.Field.Code] = numberAsText ? JsonValue.Create(number.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(number),
                [IntegerColumn.Field.Code] = wholeShape switch
                {
                    0 => JsonValue.Create(whole),
                    1 => JsonValue.Create(whole.ToString(CultureInfo.InvariantCulture)),
                    _ => JsonValue.Create(whole.ToString(CultureInfo.InvariantCulture) + ".0"),
                },
                [BooleanColumn.Field.Code] = flagShape switch
                {
                    0 => JsonValue.Create(flag),
                    1 => JsonValue.Create(flag ? "true" : "false"),
                    2 => JsonValue.Create(flag ? " True " : "FALSE"),
                    3 => JsonValue.Create(flag ? "1" : "0"),
                    _ => JsonValue.Create(flag ? 1 : 0),
                },
                [TimestampColumn.Field.Code] = time.Item2 switch
                {
                    0 => time.Item1.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    1 => time.Item1.ToString("yyyy/M/d H:mm:ss", CultureInfo.InvariantCulture),
                    2 => time.Item1.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                    _ => new DateTimeOffset(time.Item1, TimeSpan.FromHours(8)).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                },
                [TextListColumn.Field.Code] = options.Item2 ? new JsonArray([.. options.Item1.Select(o => (JsonNode)JsonValue.Create(o))]) : JsonValue.Create(string.Join(';', options.Item1)),
            };

            // A person: an id alone, {ObjectId, Name}, or the name with the id in a <code>Object companion.
            var (personId, personName, personShape) = person;
            switch (personShape)
            {
                case 0: record[PersonColumn.Field.Code] = personId; break;
                case 1: record[PersonColumn.Field.Code] = new JsonObject { ["ObjectId"] = personId, ["Name"] = personName }; break;
                default:
                    record[PersonColumn.Field.Code] = personName;
                    record[PersonColumn.Field.Code + "Object"] = new JsonObject { ["ObjectId"] = personId, ["Name"] = personName };
                    break;
            }

            // People: ids in an array or ';'-joined, {ObjectId, Name} items, or names with a companion array.
            var (pairs, peopleShape) = people;
            var code = PeopleColumn.Field.Code;
            switch (peopleShape)
            {
                case 0: record[code] = new JsonArray([.. pairs.Select(p => (JsonNode)JsonValue.Create(p.Item1))]); break;
                case 1: record[code] = string.Join(';', pairs.Select(p => p.Item1)); break;
                case 2: record[code] = new JsonArray([.. pairs.Select(p => (JsonNode)new JsonObject { ["ObjectId"] = p.Item1, ["Name"] = p.Item2 })]); break;
                default:
                    record[code] = string.Join(';', pairs.Select(p => p.Item2));
                    record[code + "Object"] = new JsonArray([.. pairs.Select(p => (JsonNode)new JsonObject { ["ObjectId"] = p.Item1, ["Name"] = p.Item2 })]);
                    break;
            }

            var withNames = peopleShape >= 2;
            var address = new JsonObject { ["adcode"] = "440305", ["adname"] = rest.Item2, ["Detail"] = rest.Item1, ["lat"] = rest.Item3 };
            record[AddressColumn.Field.Code] = address.ToJsonString();
            return new Encoded(
                record.ToJsonString(),
                number,
                whole,
                flag,
                time.Item1,
                options.Item1,
                (personId, personShape == 0 ? null : personName),
                [.. pairs.Select(p => (p.Item1, withNames ? p.Item2 : (string?)null))],
                rest.Item1,
                address);
        });

    [Theory]
    [InlineData("\"a\\uDba0b\"", "a\uFFFDb")]
    [InlineData("\"\\uDC00x\"", "\uFFFDx")]
    [InlineData("\"\\uD83D\\uDE00\"", "\U0001F600")]
    [InlineData("\"x\\uD83D\"", "x\uFFFD")]
    public void A_lone_surrogate_in_H3Yuns_text_reads_as_a_replacement_character_and_a_pair_as_its_character(string json, string expected)
    {
        // Found by the fuzzer below: valid JSON, but GetString threw InvalidOperationException out of the copy.
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, RowValues.StringOf(document.RootElement));
    }

    [Fact]
    public void Every_value_in_every_shape_H3Yun_sends_reads_back_as_the_value_encoded()
    {
        Records.Sample(
            encoded =>
            {
                using var document = JsonDocument.Parse(encoded.Record);
                var record = document.RootElement;

                Assert.Equal(encoded.Text, RowValues.Read(record, TextColumn));
                Assert.Equal(encoded.Number, RowValues.Read(record, DecimalColumn));
                Assert.Equal(encoded.Whole, RowValues.Read(record, IntegerColumn));
                Assert.Equal(encoded.Flag, RowValues.Read(record, BooleanColumn));
                Assert.Equal(encoded.Time, RowValues.Read(record, TimestampColumn));
                Assert.Equal(encoded.Options, Strings(RowValues.Read(record, TextListColumn)));
                Assert.Equal(encoded.Person.Id, RowValues.Read(record, PersonColumn));
                Assert.Equal(encoded.Person.Name, RowValues.Read(record, PersonNameColumn));
                Assert.Equal(encoded.People.Select(p => p.Id), Strings(RowValues.Read(record, PeopleColumn)));
                var names = RowValues.Read(record, PeopleNamesColumn);
                Assert.Equal(encoded.People.Select(p => p.Name), Strings(names));
                Assert.Equal(encoded.Address.ToJsonString(), RowValues.Read(record, AddressColumn));
            },
            iter: 2000);
    }

    private static readonly string[] Fragments = ["{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e400", "-0", "\"\"", "{\"ObjectId\":1}", "[{}]", "9999999999999999999999999999999", "\"2026-13-45 99:99:99\"", "\";;\"", "[[[[", "\"\\u0000\""];

    [Fact]
    public void Any_record_gives_each_column_a_value_of_its_type_or_none_and_never_throws()
    {
        var records = 0;
        Gen.Select(Records, Gen.Int[0, 2], Gen.Int[0, 10_000], Gen.Int[0, 30], Gen.Int[0, Fragments.Length - 1], Gen.Int[0, Columns.Length - 1])
            .Select((encoded, kind, position, length, fragment, column) => Mutate(encoded.Record, kind, position, length, Fragments[fragment], Columns[column].Field.Code))
            .Sample(
                text =>
                {
                    JsonDocument document;
                    try
                    {
                        document = JsonDocument.Parse(text);
                    }
                    catch (JsonException)
                    {
                        return; // not JSON: the client refuses the answer before the copy reads it
                    }

                    using (document)
                    {
                        Interlocked.Increment(ref records);
                        foreach (var column in Columns)
                        {
                            var value = RowValues.Read(document.RootElement, column);
                            Assert.True(HasColumnType(value, column), $"{column.Field.Code} ({column.Field.Shape}, {column.Role}) read {value?.GetType().Name}: {value} from {text}");
                        }
                    }
                },
                iter: 4000);

        // A member retyped keeps the record JSON: at least a third of the inputs reach the reader.
        Assert.True(records >= 1000, $"only {records} of 4,000 mangled records were JSON");
    }

    // A JSON text member replaced (retyped), or the text cut, spliced or inserted into.
    private static string Mutate(string record, int kind, int position, int length, string fragment, string code)
    {
        var at = position % (record.Length + 1);
        switch (kind)
        {
            case 0:
                var node = JsonNode.Parse(record)!.AsObject();
                try
                {
                    node[code] = JsonNode.Parse(fragment);
                }
                catch (JsonException)
                {
                    node[code] = fragment;
                }

                return node.ToJsonString();
            case 1:
                return record.Remove(at, Math.Min(length, record.Length - at));
            default:
                return record.Insert(at, fragment);
        }
    }

    private static bool HasColumnType(object? value, LayoutColumn column) => value is null || column.Field.Shape switch
    {
        FieldShape.Text or FieldShape.Reference => value is string,
        FieldShape.Decimal => value is decimal,
        FieldShape.Integer => value is long,
        FieldShape.Boolean => value is bool,
        FieldShape.Timestamp => value is DateTime { Kind: DateTimeKind.Unspecified },
        FieldShape.TextList or FieldShape.ReferenceList => value is string list && JsonNode.Parse(list) is JsonArray,
        _ => value is string json && IsJson(json),
    };

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string?[]? Strings(object? json) =>
        json is string text ? [.. JsonNode.Parse(text)!.AsArray().Select(item => (string?)item)] : null;

    internal static LayoutColumn Column(string code, int dataType, bool multiple, ColumnKind kind, ColumnRole role = ColumnRole.Value) =>
        new(code + (role == ColumnRole.DisplayName ? "_name" : string.Empty), new SyncField(code, null, null, dataType, multiple), kind, role);
}
