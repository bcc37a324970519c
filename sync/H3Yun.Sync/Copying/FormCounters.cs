namespace H3Yun.Sync.Copying;

/// <summary>What one form's run did so far; the report and the progress are made from it.</summary>
internal sealed class FormCounters
{
    /// <summary>Windows read (each is one request; parts of a split window count too).</summary>
    public int Windows { get; set; }

    /// <summary>Requests sent to H3Yun.</summary>
    public long Requests { get; set; }

    /// <summary>Records upserted (a record re-read by the overlap counts again).</summary>
    public long RowsUpserted { get; set; }

    /// <summary>Records deleted or marked deleted.</summary>
    public long RowsDeleted { get; set; }

    /// <summary>Windows planned and not yet read.</summary>
    public int WindowsAhead { get; set; }

    /// <summary>Rows expected in the windows ahead (from the counts of the windows they were split from).</summary>
    public long RowsAhead { get; set; }

    /// <summary>The cursor.</summary>
    public DateTime? Cursor { get; set; }
}
