namespace H3Yun.Sync.Windows;

/// <summary>
/// The partition of one second by ObjectId prefixes, for a second that holds more rows than one request returns (an
/// import, a business rule touching a whole form). H3Yun's ObjectIds are GUIDs written in lower-case hex
/// (<c>8-4-4-4-12</c>), and <c>StartWith</c> (operator 13) is a SQL <c>LIKE 'p%'</c>: the sixteen prefixes of one more
/// hex digit divide a set of ids exactly. The copy checks that the parts' counts add up, because that rests on the
/// server honouring the partition.
/// </summary>
internal static class ObjectIdPrefixes
{
    /// <summary>The longest prefix tried: 16^8 parts of one second is past any import H3Yun could hold.</summary>
    public const int MaxLength = 8;

    private const string HexDigits = "0123456789abcdef";

    /// <summary>The sixteen parts of a prefix, one hex digit longer (the empty prefix gives the first digits).</summary>
    /// <param name="prefix">The prefix, at most <see cref="MaxLength"/> − 1 characters.</param>
    /// <returns>The prefixes, in order.</returns>
    public static IReadOnlyList<string> Children(string prefix)
    {
        if (prefix.Length >= MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(prefix), prefix, $"A prefix is at most {MaxLength} hex digits.");
        }

        var result = new string[HexDigits.Length];
        for (var i = 0; i < HexDigits.Length; i++)
        {
            result[i] = prefix + HexDigits[i];
        }

        return result;
    }
}
