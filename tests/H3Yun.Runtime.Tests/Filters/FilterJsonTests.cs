namespace H3Yun.Runtime.Tests;

/// <summary>The typed query API compiles to H3Yun's Matcher JSON with its numeric operator codes.</summary>
public class FilterJsonTests
{
    public static TheoryData<Condition<AllTypes>, string> EveryOperator => new()
    {
        { AllTypes.Where.Amount.GreaterThan(1.5m), """{"Type":"Item","Name":"F0000006","Operator":0,"Value":1.5}""" },
        { AllTypes.Where.Amount.GreaterThanOrEqualTo(2m), """{"Type":"Item","Name":"F0000006","Operator":1,"Value":2}""" },
        { AllTypes.Where.Count.EqualTo(3), """{"Type":"Item","Name":"F0000007","Operator":2,"Value":3}""" },
        { AllTypes.Where.BigCount.LessThanOrEqualTo(4L), """{"Type":"Item","Name":"F0000008","Operator":3,"Value":4}""" },
        { AllTypes.Where.DueDate.LessThan(new DateTime(2026, 1, 2, 3, 4, 5)), """{"Type":"Item","Name":"F0000009","Operator":4,"Value":"2026-01-02 03:04:05"}""" },
        { AllTypes.Where.ShortText.NotEqualTo("x"), """{"Type":"Item","Name":"F0000001","Operator":5,"Value":"x"}""" },
        { AllTypes.Where.Count.In(1, 2), """{"Type":"Item","Name":"F0000007","Operator":6,"Value":[1,2]}""" },
        { AllTypes.Where.ShortText.NotIn("a", "b"), """{"Type":"Item","Name":"F0000001","Operator":7,"Value":["a","b"]}""" },
        { AllTypes.Where.LongText.Contains("中"), """{"Type":"Item","Name":"F0000002","Operator":8,"Value":"中"}""" },
        { AllTypes.Where.ShortText.StartsWith("S"), """{"Type":"Item","Name":"F0000001","Operator":13,"Value":"S"}""" },
        { AllTypes.Where.ShortText.EndsWith("E"), """{"Type":"Item","Name":"F0000001","Operator":14,"Value":"E"}""" },
        { AllTypes.Where.Done.IsNull(), """{"Type":"Item","Name":"F0000010","Operator":18,"Value":null}""" },
        { AllTypes.Where.Address.IsNotNull(), """{"Type":"Item","Name":"F0000016","Operator":19,"Value":null}""" },
        { AllTypes.Where.ShortText.IsNone(), """{"Type":"Item","Name":"F0000001","Operator":20,"Value":null}""" },
        { AllTypes.Where.Amount.IsNotNone(), """{"Type":"Item","Name":"F0000006","Operator":21,"Value":null}""" },
        { AllTypes.Where.ShortText.NotStartsWith("S"), """{"Type":"Item","Name":"F0000001","Operator":22,"Value":"S"}""" },
        { AllTypes.Where.ShortText.NotEndsWith("E"), """{"Type":"Item","Name":"F0000001","Operator":23,"Value":"E"}""" },
        { AllTypes.Where.ShortText.NotContains("中"), """{"Type":"Item","Name":"F0000001","Operator":24,"Value":"中"}""" },
        { AllTypes.Where.Colour.EqualTo(AllTypes.ColourOption.红), """{"Type":"Item","Name":"F0000003","Operator":2,"Value":"红"}""" },
        { AllTypes.Where.Days.Contains(AllTypes.DaysOption.周三), """{"Type":"Item","Name":"F0000005","Operator":8,"Value":"周三"}""" },
        { AllTypes.Where.Priority.In(AllTypes.PriorityOption.中, AllTypes.PriorityOption.高), """{"Type":"Item","Name":"F0000004","Operator":6,"Value":["中","高"]}""" },
        { AllTypes.Where.Customer.EqualTo(new H3Ref<Customer>("c-1")), """{"Type":"Item","Name":"F0000014","Operator":2,"Value":"c-1"}""" },
        { AllTypes.Where.Status.In(BizObjectStatus.Effective, BizObjectStatus.Running), """{"Type":"Item","Name":"Status","Operator":6,"Value":[1,2]}""" },
        { AllTypes.Where.Done.EqualTo(true), """{"Type":"Item","Name":"F0000010","Operator":2,"Value":true}""" },
        { AllTypes.Where.Owner.EqualTo("u-1"), """{"Type":"Item","Name":"F0000011","Operator":2,"Value":"u-1"}""" },
    };

    [Theory]
    [MemberData(nameof(EveryOperator))]
    public void Each_typed_operator_writes_its_H3Yun_code(Condition<AllTypes> condition, string expected)
    {
        Assert.Equal(expected, FilterWriter.ToJson(condition.Matcher));
    }

    [Fact]
    public void And_and_or_nest_to_any_depth_and_chains_flatten()
    {
        var condition = (AllTypes.Where.Count.GreaterThan(1) & AllTypes.Where.Count.LessThan(9) & AllTypes.Where.Done.EqualTo(true))
            | (AllTypes.Where.ShortText.EqualTo("a") & (AllTypes.Where.Amount.IsNull() | AllTypes.Where.Amount.EqualTo(0m)));

        Assert.Equal(
            """{"Type":"Or","Matchers":[{"Type":"And","Matchers":[{"Type":"Item","Name":"F0000007","Operator":0,"Value":1},{"Type":"Item","Name":"F0000007","Operator":4,"Value":9},{"Type":"Item","Name":"F0000010","Operator":2,"Value":true}]},{"Type":"And","Matchers":[{"Type":"Item","Name":"F0000001","Operator":2,"Value":"a"},{"Type":"Or","Matchers":[{"Type":"Item","Name":"F0000006","Operator":18,"Value":null},{"Type":"Item","Name":"F0000006","Operator":2,"Value":0}]}]}]}""",
            FilterWriter.ToJson(condition.Matcher));
    }

    [Fact]
    public void A_whole_filter_is_written_in_the_member_order_of_H3Yuns_tools()
    {
        var filter = new H3Query<AllTypes>
        {
            Where = AllTypes.Where.Done.EqualTo(false),
            FromRowNum = 500,
            ToRowNum = 1000,
            RequireCount = true,
            Select = [AllTypes.Where.ShortText, AllTypes.Where.Amount],
            OrderBy = [AllTypes.Where.CreatedTime.Descending()],
        }.ToFilter();

        Assert.Equal(
            """{"FromRowNum":500,"ToRowNum":1000,"Matcher":{"Type":"Item","Name":"F0000010","Operator":2,"Value":false},"SortByCollection":[{"ItemName":"CreatedTime","Direction":"Descending"}],"RequireCount":true,"ReturnItems":["ObjectId","F0000001","F0000006"]}""",
            FilterWriter.ToJson(filter));
    }

    [Fact]
    public void The_raw_escape_hatch_writes_what_it_is_given()
    {
        var raw = new Condition<AllTypes>(Matcher.Or(Matcher.Item("F0000007", ComparisonOperator.Equal, 5), Matcher.And()));

        Assert.Equal("""{"Type":"Or","Matchers":[{"Type":"Item","Name":"F0000007","Operator":2,"Value":5},{"Type":"And","Matchers":[]}]}""", FilterWriter.ToJson(raw.Matcher));
    }
}
