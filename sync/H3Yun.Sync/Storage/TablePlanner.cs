using H3Yun.Sync.Schema;

namespace H3Yun.Sync.Storage;

/// <summary>
/// Chooses each form's tables and checks them against what the database recorded, for every form before anything is
/// changed: a field whose new type needs another column type is refused (naming the form, the field and how to rebuild
/// the table); an added field gets a column; a removed field keeps its column and data.
/// </summary>
internal static class TablePlanner
{
    /// <summary>Plans the tables of the forms.</summary>
    /// <param name="store">The database.</param>
    /// <param name="forms">The forms to copy.</param>
    /// <param name="tableNames">Names the options give, by SchemaCode.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>Each form's tables, with the columns each table had recorded.</returns>
    public static async Task<List<(FormTables Tables, Dictionary<string, Dictionary<(string Field, ColumnRole Role), (string Column, string Kind, string DataType)>> Recorded)>> PlanAsync(
        SyncStore store,
        IReadOnlyList<SyncForm> forms,
        IReadOnlyDictionary<string, string> tableNames,
        CancellationToken cancellationToken)
    {
        var existing = await store.ReadTableNamesAsync(cancellationToken).ConfigureAwait(false);
        var taken = new HashSet<string>(existing.Values, StringComparer.OrdinalIgnoreCase);
        var plans = new List<(FormTables, Dictionary<string, Dictionary<(string, ColumnRole), (string, string, string)>>)>();
        foreach (var form in forms)
        {
            var recorded = new Dictionary<string, Dictionary<(string, ColumnRole), (string, string, string)>>(StringComparer.Ordinal);
            var mainName = Name(form.SchemaCode, existing, taken, tableNames, SqlNames.Safe(form.ClassName) ?? SqlNames.Safe(form.DisplayName));
            var main = await LayoutAsync(store, form, mainName, isChild: false, recorded, cancellationToken).ConfigureAwait(false);
            var children = new List<(SyncChild, TableLayout)>();
            foreach (var child in form.Children)
            {
                var part = SqlNames.Safe(child.Form.ClassName) ?? SqlNames.Safe(child.Field.PropertyName)
                    ?? SqlNames.Safe(child.Form.DisplayName) ?? SqlNames.Safe(child.Field.DisplayName) ?? child.Form.SchemaCode;
                var childName = Name(child.Form.SchemaCode, existing, taken, tableNames, SqlNames.Safe(mainName + "_" + part));
                children.Add((child, await LayoutAsync(store, child.Form, childName, isChild: true, recorded, cancellationToken).ConfigureAwait(false)));
            }

            var tables = new FormTables(form, main, children);
            RefuseChangedKinds(tables, recorded, store.Dialect);
            plans.Add((tables, recorded));
        }

        return plans;
    }

    private static async Task<TableLayout> LayoutAsync(
        SyncStore store,
        SyncForm form,
        string tableName,
        bool isChild,
        Dictionary<string, Dictionary<(string, ColumnRole), (string, string, string)>> recordedByCode,
        CancellationToken cancellationToken)
    {
        var recorded = await store.ReadColumnsAsync(form.SchemaCode, cancellationToken).ConfigureAwait(false);
        recordedByCode[form.SchemaCode] = recorded;
        return TableLayout.Build(form, tableName, isChild, recorded.ToDictionary(entry => entry.Key, entry => entry.Value.Item1));
    }

    private static void RefuseChangedKinds(
        FormTables tables, Dictionary<string, Dictionary<(string, ColumnRole), (string Column, string Kind, string DataType)>> recorded, ISqlDialect dialect)
    {
        foreach (var layout in tables.All)
        {
            foreach (var column in layout.Columns)
            {
                if (recorded[layout.SchemaCode].TryGetValue((column.Field.Code, column.Role), out var before) && before.Kind != column.Kind.ToString())
                {
                    // The SQL is whole, every table and code of the form filled in, so that it can be run as it stands.
                    var codes = string.Join(", ", tables.All.Select(table => $"'{table.SchemaCode}'"));
                    var drops = string.Join(" ", tables.All.Select(table => $"DROP TABLE IF EXISTS {dialect.Quote(table.TableName)};"));
                    throw new H3YunSyncException(
                        $"The field {column.Field.Code} ({column.Field.DisplayName ?? "no display name"}) of the form {layout.SchemaCode} was {before.DataType} and is now {column.Field.DataTypeText}, "
                        + $"which needs a {column.Kind} column where the table {layout.TableName} has a {before.Kind} column '{before.Column}'. Nothing was changed. "
                        + $"To copy the form {tables.Main.SchemaCode} again from H3Yun, run: {drops} DELETE FROM h3yun_columns WHERE schema_code IN ({codes}); "
                        + $"DELETE FROM h3yun_forms WHERE schema_code IN ({codes}); then run the sync again, which copies the form whole.");
                }
            }
        }
    }

    private static string Name(string schemaCode, Dictionary<string, string> existing, HashSet<string> taken, IReadOnlyDictionary<string, string> given, string? preferred)
    {
        if (existing.TryGetValue(schemaCode, out var kept))
        {
            return kept; // a table keeps its name: queries and reports that use it keep working
        }

        var name = given.TryGetValue(schemaCode, out var own) ? own : preferred ?? SqlNames.Safe(schemaCode) ?? schemaCode;
        if (taken.Contains(name) || name.StartsWith("h3yun_", StringComparison.OrdinalIgnoreCase))
        {
            name = SqlNames.Safe(name + "_" + schemaCode) ?? schemaCode;
        }

        taken.Add(name);
        return name;
    }
}
