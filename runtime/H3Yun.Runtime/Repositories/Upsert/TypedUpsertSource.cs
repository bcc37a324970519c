using System.Text.Json;

namespace H3Yun;

/// <summary>The items of a generated form, serialized by the same writer as every create and update.</summary>
internal sealed class TypedUpsertSource<TForm>(IReadOnlyList<TForm> items, H3FormInfo<TForm> form, UpsertKey<TForm> key, TimeZoneInfo zone) : UpsertSource
    where TForm : H3BizObject
{
    public override string SchemaCode => form.SchemaCode;

    public override IReadOnlyList<string> KeyCodes => key.FieldCodes;

    public override int Count => items.Count;

    // The items are only read: a later call with the same items sends the same values (no capture is accepted).
    public override ReadOnlyMemory<byte> CreateBody(int index) =>
        OpenApiRequestWriter.Serialize(items[index], WritePurpose.Create, zone);

    public override ReadOnlyMemory<byte> UpdateBody(int index, string objectId, IReadOnlyCollection<string> changed)
    {
        try
        {
            return Only(OpenApiRequestWriter.Serialize(items[index], WritePurpose.Update, zone, capture: null, objectId), changed);
        }
        catch (InvalidOperationException) when (!SendsTable(index, changed))
        {
            // A table that did not change is refused even so, when its rows were not given whole; it is not sent.
            return Only(CreateBody(index), changed);
        }
    }

    public override (string? ObjectId, ReadOnlyMemory<byte> Values) ReadStored(JsonElement stored)
    {
        var record = form.CreateRecord();
        record.ReadFrom(stored);
        return (record.ObjectId, OpenApiRequestWriter.Serialize(record, WritePurpose.Create, zone, RecordWriteMode.Present));
    }

    private bool SendsTable(int index, IReadOnlyCollection<string> changed)
    {
        using var document = JsonDocument.Parse(CreateBody(index));
        return document.RootElement.EnumerateObject().Any(m => m.Value.ValueKind == JsonValueKind.Array && changed.Contains(m.Name));
    }
}
