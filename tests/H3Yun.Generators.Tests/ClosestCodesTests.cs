using H3Yun.Generators.Diagnostics;

namespace H3Yun.Generators.Tests;

/// <summary>What an error about a mistyped code suggests: the nearest codes by edit distance, with their names.</summary>
public class ClosestCodesTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("F0000001", "F0000001", 0)]
    [InlineData("F0000001", "F0000010", 2)]
    [InlineData("F000001", "F0000001", 1)]
    [InlineData("flaw", "lawn", 2)]
    public void The_distance_counts_insertions_deletions_and_substitutions(string a, string b, int distance)
    {
        Assert.Equal(distance, ClosestCodes.Distance(a, b));
        Assert.Equal(distance, ClosestCodes.Distance(b, a));
    }

    [Fact]
    public void The_three_nearest_codes_are_suggested_nearest_first_with_display_names_that_differ_from_the_code()
    {
        (string, string)[] candidates = [("F0000009", "备注"), ("F0000002", "F0000002"), ("F0000001", "客户"), ("Status", "状态")];

        var sentence = ClosestCodes.Suggest("f0000002", candidates);

        Assert.Equal("Did you mean F0000002, F0000001 (客户), F0000009 (备注)?", sentence);
    }

    [Fact]
    public void Without_candidates_the_sentence_says_there_are_none()
    {
        Assert.Equal("The form has no fields to choose from.", ClosestCodes.Suggest("F1", []));
        Assert.Equal("The form has no forms to choose from.", ClosestCodes.Suggest("D1", [], "form"));
    }
}
