namespace H3Yun;

/// <summary>
/// What a failed call did to H3Yun's data, as far as the client can know. Reads never change data, so their
/// failures are always <see cref="NotApplied"/>; for a write, <see cref="Unknown"/> means the request may have
/// reached H3Yun and been applied, so it must be checked (loaded or queried) before it is sent again.
/// </summary>
public enum WriteOutcome
{
    /// <summary>Nothing was written: the request certainly did not reach H3Yun, or H3Yun refused it.</summary>
    NotApplied,

    /// <summary>The request may or may not have been applied: look before sending it again.</summary>
    Unknown,

    /// <summary>H3Yun applied the write; only its answer could not be used (for example, it lacked the new id).</summary>
    Applied,
}
