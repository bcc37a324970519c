namespace H3Yun;

/// <summary>Why an upsert was refused before anything was written.</summary>
public enum UpsertConflictKind
{
    /// <summary>An item has no value in a key field (unassigned, null or blank).</summary>
    EmptyKey,

    /// <summary>Several items have the same key.</summary>
    DuplicateInInput,

    /// <summary>Several H3Yun records have the same key, so which one an item means is unknown.</summary>
    DuplicateInH3Yun,
}

/// <summary>One reason an upsert was refused.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Key">The key's values, joined with <c> + </c> (empty for <see cref="UpsertConflictKind.EmptyKey"/>'s missing parts).</param>
/// <param name="Positions">The positions of the items concerned among the items given, from 0.</param>
/// <param name="ObjectIds">The ids of the H3Yun records concerned (for <see cref="UpsertConflictKind.DuplicateInH3Yun"/>).</param>
public sealed record UpsertConflict(UpsertConflictKind Kind, string Key, IReadOnlyList<int> Positions, IReadOnlyList<string> ObjectIds)
{
    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        UpsertConflictKind.EmptyKey => $"item {string.Join(", ", Positions)} has an empty key ({Key})",
        UpsertConflictKind.DuplicateInInput => $"items {string.Join(", ", Positions)} have the same key {Key}",
        _ => $"H3Yun holds {ObjectIds.Count} records with the key {Key} ({string.Join(", ", ObjectIds)}), wanted by item {string.Join(", ", Positions)}",
    };
}
