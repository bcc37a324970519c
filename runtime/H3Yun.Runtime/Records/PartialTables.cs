namespace H3Yun;

/// <summary>The refusal to send a child table whose stored rows the client does not know.</summary>
internal static class PartialTables
{
    public static InvalidOperationException NotLoaded(string childSchemaCode, bool recordWasRead) => new(
        $"The child table '{childSchemaCode}' was changed, but its rows were not loaded "
        + (recordWasRead
            ? "(the query's Select did not include the table)"
            : "(the record was made with new, as for UpdateAsync(objectId, changes))")
        + ". H3Yun may replace the whole table with the rows sent, which would delete the rows you did not load, so nothing was sent. "
        + "Load the record with its table (no Select, or a Select that includes the table), or say that the rows you give are the whole "
        + "table: assign the table (record.Rows = rows), or call Clear() before adding rows.");
}
