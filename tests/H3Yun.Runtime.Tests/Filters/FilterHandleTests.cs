namespace H3Yun.Runtime.Tests;

/// <summary>
/// Every method of every typed field handle writes its own H3Yun operator and value, and the untyped matcher API
/// refuses what H3Yun cannot take; together with <see cref="FilterJsonTests"/> each handle method appears here once.
/// </summary>
public class FilterHandleTests
{
    private static readonly DateTimeOffset Instant = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<Condition<AllTypes>, string> EveryOtherHandleMethod => new()
    {
        { AllTypes.Where.DueDate.EqualTo(new DateTime(2026, 1, 2, 3, 4, 5)), Item("F0000009", 2, "\"2026-01-02 03:04:05\"") },
        { AllTypes.Where.DueDate.NotEqualTo(new DateTime(2026, 1, 2)), Item("F0000009", 5, "\"2026-01-02 00:00:00\"") },
        { AllTypes.Where.DueDate.GreaterThan(new DateTime(2026, 1, 2)), Item("F0000009", 0, "\"2026-01-02 00:00:00\"") },
        { AllTypes.Where.DueDate.GreaterThanOrEqualTo(new DateTime(2026, 1, 2)), Item("F0000009", 1, "\"2026-01-02 00:00:00\"") },
        { AllTypes.Where.DueDate.LessThanOrEqualTo(new DateTime(2026, 1, 2)), Item("F0000009", 3, "\"2026-01-02 00:00:00\"") },
        { AllTypes.Where.DueDate.In(new DateTime(2026, 1, 2), new DateTime(2026, 1, 3)), Item("F0000009", 6, "[\"2026-01-02 00:00:00\",\"2026-01-03 00:00:00\"]") },
        { AllTypes.Where.DueDate.EqualTo(Instant), Item("F0000009", 2, "\"2026-01-01 08:00:00\"") },
        { AllTypes.Where.DueDate.NotEqualTo(Instant), Item("F0000009", 5, "\"2026-01-01 08:00:00\"") },
        { AllTypes.Where.DueDate.GreaterThan(Instant), Item("F0000009", 0, "\"2026-01-01 08:00:00\"") },
        { AllTypes.Where.DueDate.GreaterThanOrEqualTo(Instant), Item("F0000009", 1, "\"2026-01-01 08:00:00\"") },
        { AllTypes.Where.DueDate.LessThan(Instant), Item("F0000009", 4, "\"2026-01-01 08:00:00\"") },
        { AllTypes.Where.DueDate.LessThanOrEqualTo(Instant), Item("F0000009", 3, "\"2026-01-01 08:00:00\"") },
        { AllTypes.Where.CreatedTime.GreaterThan(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)), Item("CreatedTime", 0, "\"2026-01-01 08:00:00\"") },
        { AllTypes.Where.Amount.NotEqualTo(0.5m), Item("F0000006", 5, "0.5") },
        { AllTypes.Where.Amount.LessThan(-1m), Item("F0000006", 4, "-1") },
        { AllTypes.Where.Count.NotIn(1, 2), Item("F0000007", 7, "[1,2]") },
        { AllTypes.Where.BigCount.GreaterThanOrEqualTo(long.MaxValue), Item("F0000008", 1, "9223372036854775807") },
        { AllTypes.Where.Count.IsNone(), Item("F0000007", 20, "null") },
        { AllTypes.Where.ShortText.EqualTo("甲"), Item("F0000001", 2, "\"甲\"") },
        { AllTypes.Where.ShortText.In("a", "b"), Item("F0000001", 6, "[\"a\",\"b\"]") },
        { AllTypes.Where.ShortText.IsNotNone(), Item("F0000001", 21, "null") },
        { AllTypes.Where.Done.NotEqualTo(false), Item("F0000010", 5, "false") },
        { AllTypes.Where.Owner.NotEqualTo("u-1"), Item("F0000011", 5, "\"u-1\"") },
        { AllTypes.Where.Owner.In("u-1", "u-2"), Item("F0000011", 6, "[\"u-1\",\"u-2\"]") },
        { AllTypes.Where.Owner.NotIn("u-1"), Item("F0000011", 7, "[\"u-1\"]") },
        { AllTypes.Where.ObjectId.EqualTo("b-1"), Item("ObjectId", 2, "\"b-1\"") },
        { AllTypes.Where.Status.EqualTo(BizObjectStatus.Draft), Item("Status", 2, "0") },
        { AllTypes.Where.Status.NotEqualTo(BizObjectStatus.Canceled), Item("Status", 5, "3") },
        { AllTypes.Where.Status.NotIn(BizObjectStatus.Running), Item("Status", 7, "[2]") },
        { AllTypes.Where.Colour.NotEqualTo(AllTypes.ColourOption.绿), Item("F0000003", 5, "\"绿\"") },
        { AllTypes.Where.Priority.NotIn(AllTypes.PriorityOption.低), Item("F0000004", 7, "[\"低\"]") },
        { AllTypes.Where.Days.NotContains(AllTypes.DaysOption.周五), Item("F0000005", 24, "\"周五\"") },
        { AllTypes.Where.Colour.IsNone(), Item("F0000003", 20, "null") },
        { AllTypes.Where.Colour.IsNotNone(), Item("F0000003", 21, "null") },
        { AllTypes.Where.Customer.NotEqualTo(new H3Ref<Customer>("c-1", "甲")), Item("F0000014", 5, "\"c-1\"") },
        { AllTypes.Where.Customer.In(new H3Ref<Customer>("c-1"), new H3Ref<Customer>("c-2")), Item("F0000014", 6, "[\"c-1\",\"c-2\"]") },
        { AllTypes.Where.Customer.NotIn(new H3Ref<Customer>("c-1")), Item("F0000014", 7, "[\"c-1\"]") },
        { AllTypes.Where.Files.IsNull(), Item("F0000018", 18, "null") },
        { AllTypes.Where.Location.IsNotNull(), Item("F0000017", 19, "null") },
    };

    [Theory]
    [MemberData(nameof(EveryOtherHandleMethod))]
    public void Each_handle_method_writes_its_operator_and_value(Condition<AllTypes> condition, string expected)
    {
        Assert.Equal(expected, FilterWriter.ToJson(condition.Matcher));
    }

    [Fact]
    public void Sort_keys_write_the_field_and_the_direction()
    {
        var filter = new H3Query<AllTypes> { OrderBy = [AllTypes.Where.Amount.Ascending(), AllTypes.Where.ShortText.Descending()] }.ToFilter();

        Assert.Equal(
            """{"FromRowNum":0,"ToRowNum":500,"Matcher":{"Type":"And","Matchers":[]},"SortByCollection":[{"ItemName":"F0000006","Direction":"Ascending"},{"ItemName":"F0000001","Direction":"Descending"}],"RequireCount":false,"ReturnItems":[]}""",
            FilterWriter.ToJson(filter));
    }

    [Fact]
    public void A_filter_writes_its_dates_in_the_zone_it_is_given()
    {
        var utcPlus2 = TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2");
        var condition = AllTypes.Where.DueDate.EqualTo(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(Item("F0000009", 2, "\"2026-01-01 02:00:00\""), FilterWriter.ToJson(condition.Matcher, utcPlus2));
        Assert.Contains("\"2026-01-01 02:00:00\"", FilterWriter.ToJson(new Filter { Matcher = condition.Matcher }, utcPlus2), StringComparison.Ordinal);
        Assert.Contains("\"2026-01-01 08:00:00\"", FilterWriter.ToJson(new Filter { Matcher = condition.Matcher }), StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_no_filter_or_no_matcher_is_refused()
    {
        Assert.Equal("filter", Assert.Throws<ArgumentNullException>(() => FilterWriter.ToJson((Filter)null!)).ParamName);
        Assert.Equal("matcher", Assert.Throws<ArgumentNullException>(() => FilterWriter.ToJson((Matcher)null!)).ParamName);
    }

    [Fact]
    public void Comparing_text_with_null_is_refused_with_the_operator_to_use_instead()
    {
        var equal = Assert.Throws<ArgumentNullException>(() => AllTypes.Where.ShortText.EqualTo(null!));
        Assert.Throws<ArgumentNullException>(() => AllTypes.Where.ShortText.NotEqualTo(null!));
        Assert.Throws<ArgumentNullException>(() => AllTypes.Where.ShortText.Contains(null!));
        Assert.Throws<ArgumentNullException>(() => AllTypes.Where.ShortText.NotContains(null!));
        Assert.Throws<ArgumentNullException>(() => AllTypes.Where.ShortText.StartsWith(null!));
        Assert.Throws<ArgumentNullException>(() => AllTypes.Where.ShortText.NotStartsWith(null!));
        Assert.Throws<ArgumentNullException>(() => AllTypes.Where.ShortText.EndsWith(null!));
        Assert.Throws<ArgumentNullException>(() => AllTypes.Where.ShortText.NotEndsWith(null!));
        Assert.Throws<ArgumentNullException>(() => AllTypes.Where.ShortText.In("a", null!));
        Assert.Throws<ArgumentNullException>(() => AllTypes.Where.ShortText.NotIn(null!, "b"));
        Assert.Equal("objectId", Assert.Throws<ArgumentNullException>(() => AllTypes.Where.Owner.EqualTo(null!)).ParamName);
        Assert.Equal("objectId", Assert.Throws<ArgumentNullException>(() => AllTypes.Where.Owner.NotEqualTo(null!)).ParamName);

        Assert.Equal("Compare with IsNull() or IsNone() to find empty fields. (Parameter 'value')", equal.Message);
    }

    [Fact]
    public void A_list_comparison_needs_a_list()
    {
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => AllTypes.Where.Count.In(null!)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => AllTypes.Where.Owner.In(null!)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => MatcherValue.FromList(null!)).ParamName);
    }

    [Fact]
    public void A_handle_needs_a_field_code_and_an_option_handle_its_texts()
    {
        Assert.ThrowsAny<ArgumentException>(() => new TextField<AllTypes>(" "));
        Assert.ThrowsAny<ArgumentException>(() => new NumberField<AllTypes, int>(null!));
        Assert.Equal("toText", Assert.Throws<ArgumentNullException>(() => new OptionField<AllTypes, AllTypes.ColourOption>("F0000003", null!)).ParamName);
        Assert.Equal("F0000006", AllTypes.Where.Amount.Code);
    }

    [Fact]
    public void The_untyped_matcher_refuses_a_blank_name_an_undocumented_operator_and_null_nodes()
    {
        Assert.ThrowsAny<ArgumentException>(() => Matcher.Item(" ", ComparisonOperator.Equal, 1));
        var undocumented = Assert.Throws<ArgumentOutOfRangeException>(() => Matcher.Item("F0000001", (ComparisonOperator)9, 1));
        Assert.StartsWith("H3Yun documents no such comparison operator.", undocumented.Message, StringComparison.Ordinal);
        Assert.Equal("comparison", undocumented.ParamName);
        var nullNode = Assert.Throws<ArgumentException>(() => Matcher.And(Matcher.Item("F0000001", ComparisonOperator.IsNull), null!));
        Assert.Equal("A matcher group cannot hold null. (Parameter 'matchers')", nullNode.Message);
        Assert.Throws<ArgumentNullException>(() => new MatcherGroup(MatcherGroupType.Or, null!));
        Assert.Throws<ArgumentNullException>(() => new Condition<AllTypes>(null!));
    }

    [Fact]
    public void Conditions_refuse_null_in_every_combination()
    {
        var condition = AllTypes.Where.Done.EqualTo(true);

        Assert.Throws<ArgumentNullException>(() => condition & null!);
        Assert.Throws<ArgumentNullException>(() => null! | condition);
        Assert.Throws<ArgumentNullException>(() => condition.And(null!));
        Assert.Throws<ArgumentNullException>(() => Condition.All(condition, null!));
        Assert.Throws<ArgumentNullException>(() => Condition.Any<AllTypes>(null!));
    }

    [Fact]
    public void Named_combinations_keep_the_nesting_as_written_while_operators_flatten_chains()
    {
        var a = AllTypes.Where.Count.EqualTo(1);
        var b = AllTypes.Where.Count.EqualTo(2);
        var c = AllTypes.Where.Count.EqualTo(3);

        var flattened = (a | b) | c;
        var nested = Condition.Any(Condition.Any(a, b), c);
        var mixed = a.Or(b).And(c);

        Assert.Equal($"{{\"Type\":\"Or\",\"Matchers\":[{Json(a)},{Json(b)},{Json(c)}]}}", Json(flattened));
        Assert.Equal($"{{\"Type\":\"Or\",\"Matchers\":[{{\"Type\":\"Or\",\"Matchers\":[{Json(a)},{Json(b)}]}},{Json(c)}]}}", Json(nested));
        Assert.Equal($"{{\"Type\":\"And\",\"Matchers\":[{{\"Type\":\"Or\",\"Matchers\":[{Json(a)},{Json(b)}]}},{Json(c)}]}}", Json(mixed));
        Assert.Equal("""{"Type":"And","Matchers":[]}""", Json(Condition.All<AllTypes>()));
    }

    [Fact]
    public void Matcher_values_are_equal_when_they_write_the_same_JSON()
    {
        MatcherValue[] samples =
        [
            MatcherValue.Null, "a", "b", 1, 1.5m, 2L, true, false, new DateTime(2026, 1, 1), Instant,
            MatcherValue.FromList([1, 2]), MatcherValue.FromList([2, 1]), MatcherValue.FromList([]),
        ];

        for (var i = 0; i < samples.Length; i++)
        {
            for (var j = 0; j < samples.Length; j++)
            {
                Assert.Equal(i == j, samples[i] == samples[j]);
                Assert.Equal(i != j, samples[i] != samples[j]);
                Assert.Equal(i == j, samples[i].Equals((object)samples[j]));
            }
        }

        Assert.Equal(MatcherValue.FromList([1, 2]), MatcherValue.FromList([1m, 2m]));
        Assert.Equal(MatcherValue.FromList([1, 2]).GetHashCode(), MatcherValue.FromList([1m, 2m]).GetHashCode());
        Assert.Equal(MatcherValue.FromString("a").GetHashCode(), ((MatcherValue)"a").GetHashCode());
        Assert.Equal(0, MatcherValue.Null.GetHashCode());
        Assert.True(MatcherValue.Null.IsNull);
        Assert.True(MatcherValue.FromString(null).IsNull);
        Assert.False(((MatcherValue)"").IsNull);
        Assert.False(MatcherValue.Null.Equals("null"));
    }

    private static string Item(string name, int op, string value) => $$"""{"Type":"Item","Name":"{{name}}","Operator":{{op}},"Value":{{value}}}""";

    private static string Json(Condition<AllTypes> condition) => FilterWriter.ToJson(condition.Matcher);
}
