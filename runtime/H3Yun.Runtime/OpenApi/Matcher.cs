namespace H3Yun.OpenApi;

/// <summary>
/// A node of a LoadBizObjects filter's matcher tree (docs/protocol.md#matcher): an <c>And</c>/<c>Or</c> group of nodes, or an
/// <c>Item</c> that compares one field. This is the untyped form, and the escape hatch for what the typed
/// <see cref="Condition{TForm}"/> API cannot say; both are written by the one <see cref="FilterWriter"/>.
/// </summary>
public abstract class Matcher
{
    private protected Matcher()
    {
    }

    /// <summary>A group that matches when every node matches (an empty one matches every record).</summary>
    /// <param name="matchers">The nodes.</param>
    /// <returns>The group.</returns>
    public static MatcherGroup And(params Matcher[] matchers) => new(MatcherGroupType.And, matchers);

    /// <summary>A group that matches when any node matches.</summary>
    /// <param name="matchers">The nodes.</param>
    /// <returns>The group.</returns>
    public static MatcherGroup Or(params Matcher[] matchers) => new(MatcherGroupType.Or, matchers);

    /// <summary>Compares the field <paramref name="name"/> with <paramref name="value"/>.</summary>
    /// <param name="name">A field code, or a system field such as <c>SeqNo</c>.</param>
    /// <param name="comparison">The comparison.</param>
    /// <param name="value">The value; omit it for <c>IsNull</c>-style comparisons.</param>
    /// <returns>The item.</returns>
    public static ItemMatcher Item(string name, ComparisonOperator comparison, MatcherValue value = default) =>
        new(name, comparison, value);
}

/// <summary>Whether a group needs all or any of its nodes.</summary>
public enum MatcherGroupType
{
    /// <summary>Every node must match.</summary>
    And,

    /// <summary>At least one node must match.</summary>
    Or,
}

/// <summary>An <c>And</c> or <c>Or</c> group of matcher nodes; groups nest to any depth.</summary>
public sealed class MatcherGroup : Matcher
{
    /// <summary>Creates a group.</summary>
    /// <param name="type">And or Or.</param>
    /// <param name="matchers">The nodes.</param>
    public MatcherGroup(MatcherGroupType type, IEnumerable<Matcher> matchers)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        Type = type;
        Matchers = [.. matchers.Select(static m => m ?? throw new ArgumentException("A matcher group cannot hold null.", nameof(matchers)))];
    }

    /// <summary>And or Or.</summary>
    public MatcherGroupType Type { get; }

    /// <summary>The nodes of the group.</summary>
    public IReadOnlyList<Matcher> Matchers { get; }
}

/// <summary>An <c>Item</c> node: compares one field with a value.</summary>
public sealed class ItemMatcher : Matcher
{
    /// <summary>Creates an item.</summary>
    /// <param name="name">A field code, or a system field such as <c>SeqNo</c>.</param>
    /// <param name="comparison">The comparison.</param>
    /// <param name="value">The value.</param>
    public ItemMatcher(string name, ComparisonOperator comparison, MatcherValue value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Enum.IsDefined(comparison))
        {
            throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "H3Yun documents no such comparison operator.");
        }

        Name = name;
        Operator = comparison;
        Value = value;
    }

    /// <summary>The field code.</summary>
    public string Name { get; }

    /// <summary>The comparison.</summary>
    public ComparisonOperator Operator { get; }

    /// <summary>The value compared with.</summary>
    public MatcherValue Value { get; }
}
