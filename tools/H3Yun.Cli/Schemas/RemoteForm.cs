using System.Text.Json;
using System.Text.Json.Nodes;


namespace H3Yun.Cli.Schemas;

/// <summary>A form as H3Yun's backend describes it through the export class: only what <c>GetPublishedSchema</c> knows.</summary>
internal sealed record RemoteForm(string SchemaCode, string? DisplayName, IReadOnlyList<RemoteField> Fields);

/// <summary>A field as the backend describes it; <see cref="DataType"/> is the BizDataType number.</summary>
internal sealed record RemoteField(string Name, string? DisplayName, int DataType, string? AssociationSchemaCode, RemoteForm? ChildSchema)
{
    public const int ChildTableDataType = 41;

    /// <summary>The DataType as the schema format names it (<c>ShortString</c>), or its number when it has no name.</summary>
    public string DataTypeText => DataTypeNames.Name(DataType);
}

/// <summary>DataType names and numbers, exactly as the generator reads them (its BizDataTypes).</summary>
internal static class DataTypeNames
{
    public static string Name(int number) =>
        H3Yun.Protocol.BizDataTypes.TryParse(number.ToString(System.Globalization.CultureInfo.InvariantCulture), out var type) ? type.ToString() : number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The canonical name of a DataType written as a name or a number; the text itself when unknown.</summary>
    public static string Canonical(string text) => H3Yun.Protocol.BizDataTypes.TryParse(text, out var type) ? type.ToString() : text.Trim();

    /// <summary>The text of a DataType token of a schema file: a JSON number or string.</summary>
    public static string? TokenText(JsonNode? token) => token switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };
}
