namespace H3Yun;

/// <summary>What H3Yun answers to a create.</summary>
/// <param name="ObjectId">The new record's id.</param>
/// <param name="WorkflowInstanceId">The workflow started for it; <see langword="null"/> or empty when none was.</param>
public sealed record CreatedRecord(string ObjectId, string? WorkflowInstanceId);
