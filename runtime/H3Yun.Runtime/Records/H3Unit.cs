namespace H3Yun;

/// <summary>A person or department as H3Yun reports it on a read: its id and its display name.</summary>
/// <param name="ObjectId">The user's or department's id.</param>
/// <param name="Name">The display name, when H3Yun sent one.</param>
public sealed record H3Unit(string ObjectId, string? Name);
