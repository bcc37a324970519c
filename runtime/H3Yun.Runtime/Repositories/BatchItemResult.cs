namespace H3Yun;

/// <summary>What happened to one item of a batch create, in the order the items were given.</summary>
/// <param name="Index">The item's position among the items given, from 0.</param>
/// <param name="Outcome">
/// <see cref="WriteOutcome.Applied"/>: created; <see cref="WriteOutcome.NotApplied"/>: certainly not created (send it
/// again); <see cref="WriteOutcome.Unknown"/>: may have been created (check before sending it again).
/// </param>
/// <param name="ObjectId">The new record's id, when created and H3Yun reported it; the item holds it too.</param>
public sealed record BatchItemResult(int Index, WriteOutcome Outcome, string? ObjectId);
