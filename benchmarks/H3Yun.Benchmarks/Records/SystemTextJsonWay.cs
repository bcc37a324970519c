using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace H3Yun.Benchmarks.Records;

/// <summary>
/// How a System.Text.Json user calls the OpenApi: attributed POCOs read and written by reflection, numbers allowed as
/// strings, a converter for H3Yun's date formats, Chinese written as UTF-8 rather than escaped, nulls left out.
/// </summary>
internal static class SystemTextJsonWay
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new H3DateTimeConverter() },
    };

    public static byte[] WriteBizObject(BenchOrderPoco order) => JsonSerializer.SerializeToUtf8Bytes(order, Options);

    public static async Task<List<BenchOrderPoco>> ReadBizObjectsAsync(Stream answer)
    {
        var envelope = await JsonSerializer.DeserializeAsync<Envelope<LoadBizObjectsData>>(answer, Options).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The answer is not a JSON object.");
        return envelope.Successful
            ? envelope.ReturnData?.BizObjectArray ?? []
            : throw new InvalidOperationException(envelope.ErrorMessage);
    }

    private sealed class H3DateTimeConverter : JsonConverter<DateTime>
    {
        private static readonly string[] Formats = ["yyyy/M/d H:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"];

        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTime.ParseExact(reader.GetString()!, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
    }
}

/// <summary>The OpenApi envelope.</summary>
public sealed class Envelope<T>
{
    public bool Successful { get; set; }

    public string? ErrorMessage { get; set; }

    public T? ReturnData { get; set; }
}

/// <summary>The ReturnData of LoadBizObjects.</summary>
public sealed class LoadBizObjectsData
{
    public List<BenchOrderPoco>? BizObjectArray { get; set; }

    public int? TotalCount { get; set; }
}

/// <summary>A person, department or record as H3Yun's companions describe it.</summary>
public sealed class UnitPoco
{
    public string? ObjectId { get; set; }

    public string? Name { get; set; }
}
