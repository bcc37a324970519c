using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace H3Yun.Benchmarks.Records;

/// <summary>
/// A LoadBizObjects answer in H3Yun's read format (docs/protocol.md#people-departments-and-associations): system person fields as display names with
/// <c>…Object</c> companions carrying the ids, dates as <c>yyyy/M/d H:mm:ss</c>, numbers as JSON numbers or numeric
/// strings, some values null, bools as JSON booleans, the envelope H3Yun wraps every answer in.
/// </summary>
internal static class ReadAnswer
{
    public const int Rows = 500;

    public static byte[] LoadBizObjects(int rows = Rows)
    {
        var buffer = new ArrayBufferWriter<byte>(rows * 4096);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteBoolean("Successful", true);
            json.WriteNull("ErrorMessage");
            json.WriteBoolean("Logined", false);
            json.WriteStartObject("ReturnData");
            json.WriteStartArray("BizObjectArray");
            for (var row = 0; row < rows; row++)
            {
                WriteRecord(json, row);
            }

            json.WriteEndArray();
            json.WriteNumber("TotalCount", rows);
            json.WriteEndObject();
            json.WriteNumber("DataType", 0);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Whether field <paramref name="field"/> of record <paramref name="row"/> is sent as null (about one value in eleven).</summary>
    public static bool IsNull(int field, int row) => ((row * 3) + field) % 11 == 0;

    /// <summary>Whether a number is sent as a numeric string rather than a JSON number (every other one).</summary>
    public static bool AsString(int field, int row) => ((row + field) % 2) == 1;

    private static void WriteRecord(Utf8JsonWriter json, int row)
    {
        json.WriteStartObject();
        json.WriteString("ObjectId", SampleValues.Id(999, row));
        json.WriteString("Name", SampleValues.Text(0, row));
        WriteUnit(json, "CreatedBy", 901, row);
        WriteUnit(json, "OwnerId", 902, row);
        WriteUnit(json, "OwnerDeptId", 903, row);
        json.WriteString("CreatedTime", H3Date(SampleValues.Date(901, row)));
        WriteUnit(json, "ModifiedBy", 904, row);
        json.WriteString("ModifiedTime", H3Date(SampleValues.Date(902, row)));
        json.WriteString("WorkflowInstanceId", string.Empty);
        json.WriteNumber("Status", 1);
        json.WriteString("SeqNo", SampleValues.Serial(row).ToString(CultureInfo.InvariantCulture));
        var fields = BenchOrderFields.Main;
        for (var field = 0; field < fields.Length; field++)
        {
            var (code, kind) = fields[field];
            if (IsNull(field, row))
            {
                json.WriteNull(code);
                if (kind is FieldKind.Person or FieldKind.Customer)
                {
                    json.WriteNull(code + "Object");
                }

                continue;
            }

            switch (kind)
            {
                case FieldKind.Text: json.WriteString(code, SampleValues.Text(field, row)); break;
                case FieldKind.Memo: json.WriteString(code, SampleValues.Memo(field, row)); break;
                case FieldKind.Amount: WriteNumber(json, code, SampleValues.Amount(field, row), AsString(field, row)); break;
                case FieldKind.Count: WriteNumber(json, code, SampleValues.Count(field, row), AsString(field, row)); break;
                case FieldKind.Serial: WriteNumber(json, code, SampleValues.Serial(row), AsString(field, row)); break;
                case FieldKind.Date: json.WriteString(code, H3Date(SampleValues.Date(field, row))); break;
                case FieldKind.Flag: json.WriteBoolean(code, SampleValues.Flag(field, row)); break;
                case FieldKind.Person: WriteUnit(json, code, field, row); break;
                case FieldKind.Customer: WriteUnit(json, code, field, row, answeredWithId: true); break;
            }
        }

        json.WriteEndObject();
    }

    // H3Yun answers a person with the display name and puts the id in the companion; an association with the id.
    private static void WriteUnit(Utf8JsonWriter json, string code, int field, int row, bool answeredWithId = false)
    {
        json.WriteString(code, answeredWithId ? SampleValues.UnitId(field, row) : SampleValues.UnitName(field, row));
        json.WriteStartObject(code + "Object");
        json.WriteString("ObjectId", SampleValues.UnitId(field, row));
        json.WriteString("Name", SampleValues.UnitName(field, row));
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string code, decimal value, bool asString)
    {
        if (asString)
        {
            json.WriteString(code, value.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNumber(code, value);
        }
    }

    private static string H3Date(DateTime value) => value.ToString("yyyy/M/d H:mm:ss", CultureInfo.InvariantCulture);
}
