using System.Text.Json;

namespace H3Yun;

/// <summary>The items of a generated form, serialized by the same writer as every create and update.</summary>
internal sealed class TypedUpsertSource<TForm>(IReadOnlyList<TForm> items, H3FormInfo<TForm> form, UpsertKey<TForm> key, TimeZoneInfo zone) : UpsertSource
    where TForm : H3BizObject
{
    public override string SchemaCode => form.SchemaCode;

    public override IReadOnlyList<string> KeyCodes => key.FieldCodes;

    public override IEnumerable<UpsertItem> Read() => items.Select(item => new Item(item, zone));

    public override (string? ObjectId, ReadOnlyMemory<byte> Values) ReadStored(JsonElement stored)
    {
        var record = form.CreateRecord();
        record.ReadFrom(stored);
        return (record.ObjectId, OpenApiRequestWriter.Serialize(record, WritePurpose.Create, zone, RecordWriteMode.Present));
    }

    private sealed class Item(TForm item, TimeZoneInfo zone) : UpsertItem
    {
        public override ReadOnlyMemory<byte> UpdateBody(string objectId, IReadOnlyCollection<string> changed)
        {
            try
            {
                return Only(OpenApiRequestWriter.Serialize(item, WritePurpose.Update, zone, capture: null, objectId), changed);
            }
            catch (InvalidOperationException) when (!SendsTable(changed))
            {
                // A table that did not change is refused even so, when its rows were not given whole; it is not sent.
                return Only(CreateBody, changed);
            }
        }

        // The items are only read: a later call with the same items sends the same values (no capture is accepted).
        protected override ReadOnlyMemory<byte> WriteCreateBody() => OpenApiRequestWriter.Serialize(item, WritePurpose.Create, zone);

        private bool SendsTable(IReadOnlyCollection<string> changed)
        {
            using var document = JsonDocument.Parse(CreateBody);
            return document.RootElement.EnumerateObject().Any(m => m.Value.ValueKind == JsonValueKind.Array && changed.Contains(m.Name));
        }
    }
}
