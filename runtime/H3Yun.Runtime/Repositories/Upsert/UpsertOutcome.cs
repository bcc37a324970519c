namespace H3Yun;

/// <summary>What <see cref="H3Repository{TForm}.UpsertManyAsync"/> did with one item.</summary>
public enum UpsertOutcome
{
    /// <summary>No record had the item's key: one was created.</summary>
    Created,

    /// <summary>The record with the item's key differed: the fields that differed were updated.</summary>
    Updated,

    /// <summary>The record with the item's key already held the item's values: nothing was sent.</summary>
    Unchanged,

    /// <summary>The write was refused or certainly not applied: nothing was written. Run the call again.</summary>
    Failed,

    /// <summary>The write may have been applied. Run the call again: it looks the key up before writing anything.</summary>
    Unknown,
}
