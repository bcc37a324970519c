using System.Text.Json.Nodes;
using GeneratorSystemFields = H3Yun.Generators.Model.SystemFields;

namespace H3Yun.Cli.Schemas;

/// <summary>The file a merge writes, and how it differs from the file it started from.</summary>
internal sealed record MergeResult(JsonObject Merged, IReadOnlyList<SchemaChange> Changes);

/// <summary>
/// Merges what H3Yun says about a form into its schema file. H3Yun decides what its backend knows: which fields
/// exist, in which order, their display names, data types, associated forms and child tables. The file keeps
/// everything else: <c>ClassName</c>, <c>Namespace</c>, <c>PropertyName</c>, <c>Options</c>, <c>Multiple</c>,
/// <c>Formula</c>, <c>$schema</c>, members this tool does not know, the system fields it lists, and the way it wrote a
/// DataType (<c>"ShortString"</c> or <c>14</c>) while the type is the same. A field H3Yun no longer has is removed
/// from the file and reported with the additions it took along. The same comparison serves <c>diff</c>.
/// </summary>
internal static class SchemaMerge
{
    // Members whose value H3Yun decides; every other member of a form or field is the user's and survives.
    private static readonly string[] RemoteFormMembers = ["SchemaCode", "DisplayName", "Properties"];
    private static readonly string[] RemoteFieldMembers = ["Name", "DisplayName", "DataType", "AssociationSchemaCode", "ChildSchema"];

    public static MergeResult Merge(JsonObject? local, RemoteForm remote)
    {
        var changes = new List<SchemaChange>();
        var merged = MergeForm(local, remote, remote.SchemaCode, prefix: "", changes);
        return new MergeResult(merged, changes);
    }

    private static JsonObject MergeForm(JsonObject? local, RemoteForm remote, string formCode, string prefix, List<SchemaChange> changes)
    {
        var result = new JsonObject();
        if (Get(local, "$schema") is { } schemaLink)
        {
            result["$schema"] = schemaLink.DeepClone();
        }

        result["SchemaCode"] = remote.SchemaCode;
        var localName = Text(Get(local, "DisplayName"));
        if (local is not null && remote.DisplayName is not null && localName is not null && localName != remote.DisplayName)
        {
            changes.Add(new SchemaChange(formCode, prefix.TrimEnd('.'), remote.DisplayName, ChangeKind.Changed, prefix.Length == 0 ? "DisplayName" : "ChildSchema.DisplayName", localName, remote.DisplayName));
        }

        if ((remote.DisplayName ?? localName) is { } displayName)
        {
            result["DisplayName"] = displayName;
        }

        CopyLocalMembers(local, result, RemoteFormMembers.Append("$schema"));
        result["Properties"] = MergeFields(Get(local, "Properties") as JsonArray, remote, formCode, prefix, changes);
        return result;
    }

    private static JsonArray MergeFields(JsonArray? local, RemoteForm remote, string formCode, string prefix, List<SchemaChange> changes)
    {
        var result = new JsonArray();
        var localByCode = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var unreadable = new List<JsonNode?>();
        foreach (var item in local ?? [])
        {
            if (item is JsonObject property && Text(Get(property, "Name")) is { } code)
            {
                if (GeneratorSystemFields.IsSystemCode(code))
                {
                    // H3Yun's export never lists system fields; a file may, and keeps them where they are, first.
                    result.Add(property.DeepClone());
                }
                else
                {
                    localByCode.TryAdd(code, property);
                }
            }
            else
            {
                unreadable.Add(item);
            }
        }

        var remoteCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in remote.Fields)
        {
            remoteCodes.Add(field.Name);
            localByCode.TryGetValue(field.Name, out var localField);
            if (localField is null)
            {
                changes.Add(new SchemaChange(formCode, prefix + field.Name, field.DisplayName, ChangeKind.Added, null, null, field.DataTypeText));
            }

            result.Add(MergeField(localField, field, formCode, prefix, changes));
        }

        foreach (var (code, property) in localByCode.Where(pair => !remoteCodes.Contains(pair.Key)))
        {
            var additions = property.Select(member => member.Key).Where(key => !RemoteFieldMembers.Contains(key, StringComparer.OrdinalIgnoreCase)).ToList();
            changes.Add(new SchemaChange(
                formCode, prefix + code, Text(Get(property, "DisplayName")), ChangeKind.Removed, null, DataTypeNames.TokenText(Get(property, "DataType")) is { } type ? DataTypeNames.Canonical(type) : null, null,
                additions.Count == 0 ? null : $"its {string.Join(", ", additions)} went with it"));
        }

        // Entries that are not fields (no Name) are the user's to fix; they stay, so that nothing is lost.
        foreach (var item in unreadable)
        {
            result.Add(item?.DeepClone());
        }

        return result;
    }

    private static JsonObject MergeField(JsonObject? local, RemoteField remote, string formCode, string prefix, List<SchemaChange> changes)
    {
        var code = prefix + remote.Name;
        var result = new JsonObject { ["Name"] = remote.Name };
        var localName = Text(Get(local, "DisplayName"));
        if (local is not null && remote.DisplayName is not null && localName is not null && localName != remote.DisplayName)
        {
            changes.Add(new SchemaChange(formCode, code, remote.DisplayName, ChangeKind.Changed, "DisplayName", localName, remote.DisplayName));
        }

        if ((remote.DisplayName ?? localName) is { } displayName)
        {
            result["DisplayName"] = displayName;
        }

        var localType = Get(local, "DataType");
        var localTypeText = DataTypeNames.TokenText(localType);
        if (localTypeText is not null && DataTypeNames.Canonical(localTypeText) == remote.DataTypeText)
        {
            result["DataType"] = localType!.DeepClone();
        }
        else
        {
            if (local is not null)
            {
                changes.Add(new SchemaChange(formCode, code, remote.DisplayName ?? localName, ChangeKind.Changed, "DataType", localTypeText, remote.DataTypeText));
            }

            // The file's style: a name where it wrote names (and for new fields), a number where it wrote numbers.
            var asNumber = localType is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number;
            result["DataType"] = asNumber || int.TryParse(remote.DataTypeText, out _) ? JsonValue.Create(remote.DataType) : JsonValue.Create(remote.DataTypeText);
        }

        var localAssociation = Text(Get(local, "AssociationSchemaCode"));
        if (local is not null && remote.AssociationSchemaCode is not null && localAssociation is not null && localAssociation != remote.AssociationSchemaCode)
        {
            changes.Add(new SchemaChange(formCode, code, remote.DisplayName ?? localName, ChangeKind.Changed, "AssociationSchemaCode", localAssociation, remote.AssociationSchemaCode));
        }

        // A backend that cannot read the associated form leaves it out; the file's value then stands.
        if ((remote.AssociationSchemaCode ?? localAssociation) is { } association)
        {
            result["AssociationSchemaCode"] = association;
        }

        CopyLocalMembers(local, result, RemoteFieldMembers);
        if (remote.ChildSchema is { } child)
        {
            result["ChildSchema"] = MergeForm(Get(local, "ChildSchema") as JsonObject, child, formCode, code + ".", changes);
        }

        return result;
    }

    private static void CopyLocalMembers(JsonObject? local, JsonObject result, IEnumerable<string> remoteMembers)
    {
        var skipped = remoteMembers.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in local ?? [])
        {
            if (!skipped.Contains(name) && !result.ContainsKey(name))
            {
                result[name] = value?.DeepClone();
            }
        }
    }

    private static JsonNode? Get(JsonObject? node, string name) =>
        node?.FirstOrDefault(member => string.Equals(member.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Trim().Length > 0 ? text.Trim() : null;
}
