using System.Text.Json;
using System.Text.Json.Nodes;

namespace H3Yun.Cli.Schemas;

/// <summary>
/// Reads the <c>ReturnData</c> of <c>ExportSchemas</c> (see <see cref="ExportContract"/>) into forms, liberally where
/// H3Yun may differ (<c>Schemas</c> as a JSON string or as an array, member names in any case, DataType as a number
/// or a name) and strictly where a wrong answer would write wrong files: every form needs a SchemaCode and
/// Properties, every field a Name and a DataType, every child table its ChildSchema.
/// </summary>
internal static class ExportAnswer
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false };

    public static IReadOnlyList<RemoteForm> Read(JsonElement returnData, string request)
    {
        if (returnData.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(request, $"ReturnData is {Describe(returnData.ValueKind)}, not an object with {ExportContract.SchemasMember}.");
        }

        if (Member(returnData, ExportContract.ErrorMember) is { ValueKind: JsonValueKind.String } error && error.GetString() is { Length: > 0 } message)
        {
            throw ExportFailures.Refused(request, message);
        }

        if (Member(returnData, ExportContract.SchemasMember) is not { } schemas)
        {
            throw Malformed(request, $"ReturnData has no {ExportContract.SchemasMember} member.");
        }

        JsonNode? forms;
        try
        {
            forms = schemas.ValueKind == JsonValueKind.String
                ? JsonNode.Parse(schemas.GetString()!, documentOptions: Lenient)
                : JsonNode.Parse(schemas.GetRawText(), documentOptions: Lenient);
        }
        catch (JsonException ex)
        {
            throw Malformed(request, $"{ExportContract.SchemasMember} is not JSON: {ex.Message}");
        }

        if (forms is not JsonArray array)
        {
            throw Malformed(request, $"{ExportContract.SchemasMember} is not a JSON array of forms.");
        }

        var result = new List<RemoteForm>();
        for (var i = 0; i < array.Count; i++)
        {
            result.Add(ReadForm(array[i], $"{ExportContract.SchemasMember}[{i}]", request));
        }

        return result;
    }

    private static RemoteForm ReadForm(JsonNode? node, string where, string request)
    {
        if (node is not JsonObject form)
        {
            throw Malformed(request, $"{where} is not a JSON object.");
        }

        var code = Text(form, "SchemaCode") ?? throw Malformed(request, $"{where} has no SchemaCode.");
        if (Get(form, "Properties") is not JsonArray properties)
        {
            throw Malformed(request, $"{where} ({code}) has no Properties array.");
        }

        var fields = new List<RemoteField>();
        for (var i = 0; i < properties.Count; i++)
        {
            var at = $"{where}.Properties[{i}] of {code}";
            if (properties[i] is not JsonObject property)
            {
                throw Malformed(request, $"{at} is not a JSON object.");
            }

            var name = Text(property, "Name") ?? throw Malformed(request, $"{at} has no Name.");
            var dataType = DataType(Get(property, "DataType")) ?? throw Malformed(request, $"{at} ({name}) has no DataType number.");
            RemoteForm? child = null;
            if (Get(property, "ChildSchema") is { } childNode)
            {
                child = ReadForm(childNode, $"{at}.ChildSchema", request);
            }
            else if (dataType == RemoteField.ChildTableDataType)
            {
                throw Malformed(request, $"{at} ({name}) is a child table (DataType 41) without a ChildSchema.");
            }

            fields.Add(new RemoteField(name, Text(property, "DisplayName"), dataType, Text(property, "AssociationSchemaCode"), child));
        }

        return new RemoteForm(code, Text(form, "DisplayName"), fields);
    }

    private static int? DataType(JsonNode? node)
    {
        // Any number, one this tool does not know included: the file then keeps it, and the build warns (H3Y0016).
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number))
        {
            return number;
        }

        // A name ("ShortString"), or a number as text: the generator accepts both, so the answer may too.
        return DataTypeNames.TokenText(node) is { } text && H3Yun.Protocol.BizDataTypes.TryParse(text, out var type) ? (int)type : null;
    }

    private static JsonNode? Get(JsonObject node, string name) =>
        node.FirstOrDefault(member => string.Equals(member.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Text(JsonObject node, string name) =>
        Get(node, name) is JsonValue value && value.TryGetValue<string>(out var text) && text.Trim().Length > 0 ? text.Trim() : null;

    private static JsonElement? Member(JsonElement element, string name)
    {
        foreach (var member in element.EnumerateObject())
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return member.Value;
            }
        }

        return null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "missing",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static CliException Malformed(string request, string problem) => new(
        $"H3Yun's answer to {request} is not what the export class answers: {problem} "
        + $"The class in the app's backend is not the one 'h3yun schema export-code' prints, or was changed; paste it again. Nothing was written.");
}
