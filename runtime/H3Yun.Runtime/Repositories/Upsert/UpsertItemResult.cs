namespace H3Yun;

/// <summary>What an upsert did with one item, in the order the items were given.</summary>
/// <param name="Index">The item's position among the items given, from 0.</param>
/// <param name="Outcome">What was done.</param>
/// <param name="ObjectId">
/// The record's id: of the record found (<see cref="UpsertOutcome.Updated"/>, <see cref="UpsertOutcome.Unchanged"/>,
/// and a failed or unknown update), or of the record created when H3Yun reported it.
/// </param>
/// <param name="ChangedFields">The codes of the fields an update sent (or would have sent), in the form's order; empty otherwise.</param>
/// <param name="Error">Why the item <see cref="UpsertOutcome.Failed"/> or is <see cref="UpsertOutcome.Unknown"/>.</param>
public sealed record UpsertItemResult(int Index, UpsertOutcome Outcome, string? ObjectId, IReadOnlyList<string> ChangedFields, Exception? Error);
