using H3Yun.Generators.Model;

namespace H3Yun.Generators.Tests;

/// <summary>
/// Pipeline models compare their lists by items, so that an edit which leaves a model's items as they were lets the
/// generator reuse its output (see <see cref="IncrementalTests"/>); records hash the lists they hold.
/// </summary>
public class EquatableArrayTests
{
    [Fact]
    public void Arrays_of_the_same_items_are_equal_and_hash_alike()
    {
        var a = new[] { 1, 2, 3 }.ToEquatableArray();
        var b = new List<int> { 1, 2, 3 }.ToEquatableArray();

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData(new[] { 2, 1, 3 })]
    [InlineData(new[] { 1, 2 })]
    [InlineData(new[] { 1, 2, 3, 0 })]
    public void Arrays_that_differ_in_order_or_length_differ_and_hash_apart(int[] other)
    {
        var a = new[] { 1, 2, 3 }.ToEquatableArray();
        var b = other.ToEquatableArray();

        Assert.True(a != b);
        Assert.False(a == b);
        Assert.NotEqual(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void A_null_item_hashes_and_compares_like_any_other()
    {
        var withNull = new[] { "a", null!, "b" }.ToEquatableArray();

        Assert.Equal(withNull, new[] { "a", null!, "b" }.ToEquatableArray());
        Assert.Equal(withNull.GetHashCode(), new[] { "a", null!, "b" }.ToEquatableArray().GetHashCode());
        Assert.NotEqual(withNull.GetHashCode(), new[] { "a", "b" }.ToEquatableArray().GetHashCode());
    }

    [Fact]
    public void The_default_is_empty_and_equals_an_empty_list()
    {
        var empty = EquatableArray<string>.Empty;

        Assert.Empty(empty);
        Assert.True(empty.Count == 0);
        Assert.Equal(empty, Array.Empty<string>().ToEquatableArray());
        Assert.Equal(empty.GetHashCode(), Array.Empty<string>().ToEquatableArray().GetHashCode());
        Assert.False(empty.Equals("not an array"));
    }
}
