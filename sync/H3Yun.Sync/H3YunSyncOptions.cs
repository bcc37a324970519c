namespace H3Yun.Sync;

/// <summary>
/// What to copy where. Immutable: <see cref="H3YunSync"/> reads it once. The defaults suit H3Yun; tests shorten the lag.
/// </summary>
public sealed class H3YunSyncOptions
{
    /// <summary>The folder of the forms' <c>*.h3form.json</c> files (searched with subfolders). Default <c>schemas</c>.</summary>
    public string SchemaFolder { get; init; } = "schemas";

    /// <summary>
    /// Where to copy: a SQLite file path (default <c>h3yun.db</c>), a SQLite connection string (<c>Data Source=…</c>), or
    /// a PostgreSQL connection string (<c>Host=…;Database=…</c>) or URL (<c>postgresql://…</c>).
    /// </summary>
    public string Target { get; init; } = "h3yun.db";

    /// <summary>The SchemaCodes to copy; empty copies every form of <see cref="SchemaFolder"/>.</summary>
    public IReadOnlyList<string> Forms { get; init; } = [];

    /// <summary>Table names by SchemaCode (a form's or a child table's), instead of the names made from the schema.</summary>
    public IReadOnlyDictionary<string, string> TableNames { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether this run also reconciles deletions (the CLI's <c>--full</c>).</summary>
    public bool Reconcile { get; init; }

    /// <summary>What the reconcile does with a record H3Yun no longer has. Default: delete it.</summary>
    public DeletionMode Deletions { get; init; } = DeletionMode.Delete;

    /// <summary>
    /// How far behind H3Yun's clock a run stops (its upper bound is the clock, cut to the second, less the lag), so that
    /// writes stamped just before it have committed, and the clocks of H3Yun and this machine may differ a little.
    /// Default 10 seconds.
    /// </summary>
    public TimeSpan Lag { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How far below the cursor a run reads again, to catch a write H3Yun stamped with a time before the last run's bound
    /// but committed after it (a slow transaction, a business rule). Default 60 seconds; it costs nothing extra while
    /// the overlap and the changes since fit one request.
    /// </summary>
    public TimeSpan Overlap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// H3Yun's clock. The runtime client does not expose the server's <c>Date</c> header, so this defaults to this
    /// machine's clock (<see cref="TimeProvider.System"/>); <see cref="Lag"/> covers a small skew. Tests give the
    /// emulator's clock.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Receives progress after each window, per form.</summary>
    public IProgress<SyncProgress>? Progress { get; init; }
}

/// <summary>What the reconcile does with a copied record that H3Yun no longer has.</summary>
public enum DeletionMode
{
    /// <summary>Delete it and its child rows.</summary>
    Delete,

    /// <summary>Keep it and set <c>_deleted_at</c> (China time).</summary>
    Mark,
}
