namespace H3Yun;

/// <summary>
/// A typed filter condition on the form <typeparamref name="TForm"/>. Conditions come from the generated field
/// handles (<c>SalesOrder.Where.Amount.GreaterThan(100m)</c>) and combine with <c>&amp;</c> and <c>|</c>, nesting to
/// any depth; a condition of another form does not compile.
/// </summary>
/// <typeparam name="TForm">The generated record type the condition applies to.</typeparam>
public sealed class Condition<TForm>
    where TForm : H3BizObject
{
    /// <summary>Wraps an untyped matcher: the escape hatch for what the typed API cannot express.</summary>
    /// <param name="matcher">The matcher tree.</param>
    public Condition(Matcher matcher)
    {
        Matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));
    }

    /// <summary>The matcher tree this condition sends.</summary>
    public Matcher Matcher { get; }

    /// <summary>Both conditions must hold.</summary>
    /// <param name="left">The first condition.</param>
    /// <param name="right">The second condition.</param>
    /// <returns>An <c>And</c> group; nested <c>And</c> groups are flattened.</returns>
    public static Condition<TForm> operator &(Condition<TForm> left, Condition<TForm> right) =>
        Combine(MatcherGroupType.And, left, right);

    /// <summary>Either condition must hold.</summary>
    /// <param name="left">The first condition.</param>
    /// <param name="right">The second condition.</param>
    /// <returns>An <c>Or</c> group; nested <c>Or</c> groups are flattened.</returns>
    public static Condition<TForm> operator |(Condition<TForm> left, Condition<TForm> right) =>
        Combine(MatcherGroupType.Or, left, right);

    /// <summary>Both conditions must hold (the named form of <c>&amp;</c>).</summary>
    /// <param name="other">The other condition.</param>
    /// <returns>An <c>And</c> group.</returns>
    public Condition<TForm> And(Condition<TForm> other) => this & other;

    /// <summary>Either condition must hold (the named form of <c>|</c>).</summary>
    /// <param name="other">The other condition.</param>
    /// <returns>An <c>Or</c> group.</returns>
    public Condition<TForm> Or(Condition<TForm> other) => this | other;

    private static Condition<TForm> Combine(MatcherGroupType type, Condition<TForm> left, Condition<TForm> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new Condition<TForm>(new MatcherGroup(type, Flatten(type, [left, right])));
    }

    internal static Condition<TForm> Group(MatcherGroupType type, Condition<TForm>[] conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        return new(new MatcherGroup(type, conditions.Select(static c => (c ?? throw new ArgumentNullException(nameof(conditions))).Matcher)));
    }

    private static IEnumerable<Matcher> Flatten(MatcherGroupType type, Condition<TForm>[] conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        foreach (var condition in conditions)
        {
            ArgumentNullException.ThrowIfNull(condition);
            if (condition.Matcher is MatcherGroup group && group.Type == type)
            {
                foreach (var child in group.Matchers)
                {
                    yield return child;
                }
            }
            else
            {
                yield return condition.Matcher;
            }
        }
    }
}

/// <summary>
/// Builds groups of conditions from lists. Unlike <c>&amp;</c> and <c>|</c>, which flatten chains into one group,
/// these keep the nesting exactly as written.
/// </summary>
public static class Condition
{
    /// <summary>All of the conditions must hold (an empty list matches every record).</summary>
    /// <typeparam name="TForm">The generated record type.</typeparam>
    /// <param name="conditions">The conditions.</param>
    /// <returns>An <c>And</c> group.</returns>
    public static Condition<TForm> All<TForm>(params Condition<TForm>[] conditions)
        where TForm : H3BizObject => Condition<TForm>.Group(MatcherGroupType.And, conditions);

    /// <summary>Any of the conditions must hold.</summary>
    /// <typeparam name="TForm">The generated record type.</typeparam>
    /// <param name="conditions">The conditions.</param>
    /// <returns>An <c>Or</c> group.</returns>
    public static Condition<TForm> Any<TForm>(params Condition<TForm>[] conditions)
        where TForm : H3BizObject => Condition<TForm>.Group(MatcherGroupType.Or, conditions);
}
