namespace H3Yun.Sync;

/// <summary>What a run did for one form.</summary>
/// <param name="SchemaCode">The form.</param>
/// <param name="TableName">Its table.</param>
/// <param name="Windows">Windows read (each one request).</param>
/// <param name="Requests">Requests sent to H3Yun for this form.</param>
/// <param name="RowsUpserted">Records written (re-read records count again).</param>
/// <param name="RowsDeleted">Records deleted or marked by the reconcile.</param>
/// <param name="ColumnsAdded">Columns added for fields new in the schema.</param>
/// <param name="Cursor">The cursor after the run: every record with an earlier ModifiedTime is in the copy (China time).</param>
/// <param name="Reconciled">Whether deletions were reconciled.</param>
public sealed record FormSyncReport(
    string SchemaCode,
    string TableName,
    int Windows,
    long Requests,
    long RowsUpserted,
    long RowsDeleted,
    int ColumnsAdded,
    DateTime? Cursor,
    bool Reconciled);

/// <summary>What a run did.</summary>
/// <param name="Upper">The run's upper bound (China time): changes before it are copied.</param>
/// <param name="Forms">Per form.</param>
public sealed record SyncReport(DateTime Upper, IReadOnlyList<FormSyncReport> Forms)
{
    /// <summary>Requests sent in all.</summary>
    public long Requests => Forms.Sum(form => form.Requests);

    /// <summary>Records written in all.</summary>
    public long RowsUpserted => Forms.Sum(form => form.RowsUpserted);

    /// <summary>Records deleted or marked in all.</summary>
    public long RowsDeleted => Forms.Sum(form => form.RowsDeleted);
}

/// <summary>Progress of one form, reported after each window.</summary>
/// <param name="SchemaCode">The form.</param>
/// <param name="Phase"><c>copy</c> or <c>reconcile</c>.</param>
/// <param name="Windows">Windows read so far.</param>
/// <param name="Requests">Requests so far.</param>
/// <param name="RowsUpserted">Records written so far.</param>
/// <param name="RowsDeleted">Records deleted so far.</param>
/// <param name="Cursor">The committed cursor.</param>
/// <param name="WindowsAhead">Windows of the copy planned and not yet read (each at least one request).</param>
/// <param name="RowsAhead">Rows expected in them, from H3Yun's counts of the windows they were split from: an estimate.</param>
public sealed record SyncProgress(string SchemaCode, string Phase, int Windows, long Requests, long RowsUpserted, long RowsDeleted, DateTime? Cursor, int WindowsAhead = 0, long RowsAhead = 0);
