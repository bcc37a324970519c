using System.Text.Json.Nodes;
using H3Yun.Cli.Schemas;
using H3Yun.OpenApi;

namespace H3Yun.Cli.Import;

/// <summary>
/// <c>--association FIELD=KEY</c>: an association column that holds the associated records' key (a customer's name,
/// say) rather than their ObjectIds. The distinct values are looked up in the associated form by the upsert's own lookup
/// (⌈values / 500⌉ <c>In</c> requests, before any write) and replaced by the ids; a value no record has, or two records share,
/// is a located error and nothing is written.
/// </summary>
internal static class AssociationKeys
{
    public static async Task ResolveAsync(
        H3YunClient client, ImportFile file, ImportRequest request, IReadOnlyDictionary<string, LocalSchemaFile> schemas, CliConsole console, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        foreach (var association in request.Associations)
        {
            var (field, associatedForm, keyCode) = Resolve(association, request, schemas);
            if (!file.Main.Columns.Any(c => c.FieldCode == field))
            {
                throw new CliException($"--association {association}: the file has no column for {field}; add it, or leave out --association.");
            }

            var header = file.NameOf(field);

            var values = file.ReadItems().SelectMany(item => ImportFile.AssociationValues(item.GetValueOrDefault(field))).Distinct(StringComparer.Ordinal).ToList();
            var ids = await LookUpAsync(client, associatedForm, keyCode, values, cancellationToken).ConfigureAwait(false);
            var index = 0;
            foreach (var item in file.ReadItems())
            {
                foreach (var part in ImportFile.AssociationValues(item.GetValueOrDefault(field)))
                {
                    if (!ids.TryGetValue(part, out var found) || found.Count != 1)
                    {
                        errors.Add($"{file.Main.Sheet}, row {file.RowOf(index)}, column '{header}', value '{part}': expected the {keyCode} of one record of {associatedForm}"
                            + (found is { Count: > 1 } ? $" ({found.Count} records have it: {string.Join(", ", found)})" : " (no record has it)"));
                    }
                }

                index++;
            }

            file.MapAssociation(field, ids.Where(static p => p.Value.Count == 1).ToDictionary(static p => p.Key, static p => p.Value[0], StringComparer.Ordinal));
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors.Take(100))
            {
                await console.Error.WriteLineAsync("  " + error).ConfigureAwait(false);
            }

            throw new CliException($"{ImportCommand.N(errors.Count)} association value(s) of {console.Show(request.File)} name no single record (above): nothing was written. Fix them and run the command again.");
        }
    }

    // FIELD (the form's association, by code or display name) = KEY (a field of the associated form, by code or display name).
    private static (string Field, string AssociatedForm, string KeyCode) Resolve(string association, ImportRequest request, IReadOnlyDictionary<string, LocalSchemaFile> schemas)
    {
        var equals = association.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == association.Length - 1)
        {
            throw new CliException($"--association '{association}' is not FIELD=KEY: name the association field, then the associated form's field its cells hold, e.g. --association 客户=客户名称.");
        }

        var name = association[..equals].Trim();
        var keyName = association[(equals + 1)..].Trim();
        var property = Find(schemas[request.Form].Root, name)
            ?? throw new CliException($"--association {association}: {name} is not a field of {request.Form}.");
        var code = Text(property, "Name")!;
        var target = Text(property, "AssociationSchemaCode")
            ?? throw new CliException($"--association {association}: {name} ({code}) is not an association with an AssociationSchemaCode in its schema file.");
        if (!schemas.TryGetValue(target, out var targetSchema))
        {
            throw new CliException($"--association {association}: no schema file of the associated form {target} in {request.SchemaFolder}; pull it with 'h3yun schema pull'.");
        }

        var key = Find(targetSchema.Root, keyName) ?? throw new CliException($"--association {association}: {keyName} is not a field of {target}.");
        return (code, target, Text(key, "Name")!);
    }

    // The lookup of the upsert, planned and never applied: ⌈values / 500⌉ In queries; a value held twice is refused by it, with the ids.
    private static async Task<Dictionary<string, List<string>>> LookUpAsync(H3YunClient client, string schemaCode, string keyCode, List<string> values, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var form = new H3FormShape(schemaCode, [new H3FieldShape(keyCode, H3FieldKind.Text)]);
        while (values.Count > 0)
        {
            try
            {
                var plan = await client.PlanUpsertAsync(form, [.. values.Select(v => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { [keyCode] = v })], [keyCode], cancellationToken).ConfigureAwait(false);
                foreach (var item in plan.Items.Where(static i => i.ObjectId is not null))
                {
                    ids[values[item.Index]] = [item.ObjectId!];
                }

                return ids;
            }
            catch (H3YunUpsertRefusedException refused)
            {
                // Values two records share: kept with their ids, and the others looked up again.
                var shared = refused.Conflicts.SelectMany(c => c.Positions.Select(p => (Value: values[p], c.ObjectIds))).ToList();
                foreach (var (value, objectIds) in shared)
                {
                    ids[value] = [.. objectIds];
                }

                values = [.. values.Where(v => !ids.ContainsKey(v))];
            }
            catch (H3YunException ex)
            {
                throw new CliException($"Looking up the associated records of {schemaCode} failed: {ex.Message}. Nothing was written; run the same command again.", ex);
            }
        }

        return ids;
    }

    private static JsonObject? Find(JsonObject form, string name)
    {
        var properties = form.FirstOrDefault(m => string.Equals(m.Key, "Properties", StringComparison.OrdinalIgnoreCase)).Value as JsonArray ?? [];
        var fields = properties.OfType<JsonObject>().ToList();
        return fields.FirstOrDefault(p => Text(p, "DisplayName") == name)
            ?? fields.FirstOrDefault(p => string.Equals(Text(p, "Name"), name, StringComparison.OrdinalIgnoreCase));
    }

    private static string? Text(JsonObject node, string name) =>
        node.FirstOrDefault(m => string.Equals(m.Key, name, StringComparison.OrdinalIgnoreCase)).Value is JsonValue value
        && value.TryGetValue<string>(out var text) && text.Trim().Length > 0 ? text.Trim() : null;
}
