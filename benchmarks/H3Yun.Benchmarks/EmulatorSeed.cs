using System.Text.Json;

namespace H3Yun.Benchmarks;

/// <summary>The emulator's seed layout (<c>h3yun-emulator-seed/1</c>): one form's records, no attachments.</summary>
internal static class EmulatorSeed
{
    /// <summary>A seed of <paramref name="records"/> records of <paramref name="schemaCode"/>, each written by <paramref name="writeRecord"/> inside its object.</summary>
    public static byte[] Write(string schemaCode, int records, Action<Utf8JsonWriter, int> writeRecord)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Format", "h3yun-emulator-seed/1");
            writer.WriteStartObject("Records");
            writer.WriteStartArray(schemaCode);
            for (var i = 0; i < records; i++)
            {
                writer.WriteStartObject();
                writeRecord(writer, i);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartArray("Attachments");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
