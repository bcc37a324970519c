namespace H3Yun;

/// <summary>
/// An upsert was refused before anything was written: an item had an empty key, several items had the same key, or
/// several H3Yun records had the same key. <see cref="Conflicts"/> names the positions and ids; only lookups were sent.
/// </summary>
public sealed class H3YunUpsertRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="schemaCode">The form.</param>
    /// <param name="conflicts">What is wrong, each naming positions and ids.</param>
    public H3YunUpsertRefusedException(string schemaCode, IReadOnlyList<UpsertConflict> conflicts)
        : base(Describe(schemaCode, conflicts))
    {
        SchemaCode = schemaCode;
        Conflicts = conflicts;
    }

    /// <summary>The form.</summary>
    public string SchemaCode { get; }

    /// <summary>What is wrong, each naming the items' positions and the records' ids.</summary>
    public IReadOnlyList<UpsertConflict> Conflicts { get; }

    private static string Describe(string schemaCode, IReadOnlyList<UpsertConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        const int Shown = 20;
        var more = conflicts.Count > Shown ? $"; and {conflicts.Count - Shown} more" : string.Empty;
        return $"The upsert into {schemaCode} was refused and nothing was written: {string.Join("; ", conflicts.Take(Shown))}{more}.";
    }
}
