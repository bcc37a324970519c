using H3Yun.Generators.Model;
using H3Yun.Generators.Naming;

namespace H3Yun.Generators.Tests;

/// <summary>
/// The naming rules of docs/schema-files.md, one at a time: which name a class, a property and an option member
/// get, and what a rename reports as asked for and why.
/// </summary>
public class FormNamerTests
{
    [Fact]
    public void A_row_class_is_named_after_its_property_not_its_display_name()
    {
        var namer = FormNamer.ForClass(null, "LinesRow", "Line item", "D1F", "Order", out var rename);

        Assert.Equal("LinesRow", namer.ClassName);
        Assert.Null(rename);
    }

    [Fact]
    public void Without_a_usable_display_name_or_code_a_class_is_named_Form()
    {
        Assert.Equal("Form", FormNamer.ForClass(null, null, "!!!", "???", null, out _).ClassName);
    }

    [Fact]
    public void A_written_class_name_that_is_not_an_identifier_is_cleaned_keeping_its_case()
    {
        var namer = FormNamer.ForClass("my Order", null, "Order", "D1", null, out var rename);

        Assert.Equal("myOrder", namer.ClassName);
        Assert.Equal(new Rename(true, "my Order", "it is not a usable C# type name"), rename);
    }

    [Fact]
    public void A_written_class_name_with_nothing_to_keep_falls_back_to_the_derived_name_and_an_underscore()
    {
        var namer = FormNamer.ForClass("!!!", null, "Order", "D1", null, out var rename);

        Assert.Equal("Order_", namer.ClassName);
        Assert.Equal("!!!", rename?.Wanted);
    }

    [Fact]
    public void A_row_class_may_not_take_its_form_class_name()
    {
        var namer = FormNamer.ForClass("Order", "LinesRow", "Line", "D1F", "Order", out var rename);

        Assert.Equal("LinesRow_", namer.ClassName);
        Assert.Equal(new Rename(true, "Order", "it is not a usable C# type name"), rename);
    }

    [Fact]
    public void A_cleaned_class_name_that_the_class_declares_reports_the_name_as_written()
    {
        var namer = FormNamer.ForClass("Wh ere", null, "Order", "D1", null, out var rename);

        Assert.Equal("Where_", namer.ClassName);
        Assert.Equal(new Rename(true, "Wh ere", "the class declares a member named 'Where'"), rename);
    }

    [Fact]
    public void A_row_class_may_be_named_like_a_member_only_a_form_class_declares()
    {
        var namer = FormNamer.ForClass("Where", "LinesRow", "Line", "D1F", "Order", out var rename);

        Assert.Equal("Where", namer.ClassName);
        Assert.Null(rename);
    }

    [Theory]
    [InlineData("zoo", "Zoo")]
    [InlineData("abc", "Abc")]
    public void A_class_name_of_only_lower_case_letters_is_capitalised(string written, string expected)
    {
        var namer = FormNamer.ForClass(written, null, "Order", "D1", null, out var rename);

        Assert.Equal(expected, namer.ClassName);
        Assert.Equal(new Rename(true, written, "a type name of only lower-case ASCII letters may become a C# keyword"), rename);
    }

    [Fact]
    public void A_capitalised_row_class_name_that_becomes_its_form_class_name_gets_an_underscore()
    {
        Assert.Equal("Order_", FormNamer.ForClass("order", "LinesRow", "Line", "D1F", "Order", out _).ClassName);
    }

    [Fact]
    public void A_written_property_name_that_is_not_an_identifier_reports_it_as_written()
    {
        var namer = FormNamer.ForClass(null, null, "Order", "D1", null, out _);

        var name = namer.Property("due date", "Due", "F1", out var rename);

        Assert.Equal("duedate", name);
        Assert.Equal(new Rename(true, "due date", "'due date' is not a valid C# identifier"), rename);
    }

    [Fact]
    public void A_property_named_like_a_member_of_every_generated_type_says_so()
    {
        var namer = FormNamer.ForClass(null, null, "Order", "D1", null, out _);

        var name = namer.Property(null, "Fields", "F1", out var rename);

        Assert.Equal("Fields_F1", name);
        Assert.Equal(new Rename(false, "Fields", "'Fields' is already a member of every generated type"), rename);
    }

    [Fact]
    public void Without_a_usable_display_name_or_code_a_property_is_named_Field()
    {
        var namer = FormNamer.ForClass(null, null, "Order", "D1", null, out _);

        Assert.Equal("Field", namer.Property(null, "!!!", "???", out _));
    }

    [Fact]
    public void Option_members_are_unique_in_order_and_texts_without_letters_are_numbered()
    {
        var members = FormNamer.EnumMembers(new[] { "Open", "open", "!!!", "Open" }.ToEquatableArray());

        Assert.Equal(["Open", "Open_2", "Option3", "Open_4"], members);
    }

    [Fact]
    public void A_name_taken_with_its_code_appended_too_is_numbered_from_2()
    {
        var scope = new NameScope([]);
        Assert.Equal("Name", scope.Claim("Name", "F3", out _));
        Assert.Equal("Name_F3", scope.Claim("Name_F3", "F9", out _));
        Assert.Equal("Name_F32", scope.Claim("Name_F32", "F9", out _));

        var name = scope.Claim("Name", "F3", out var reason);

        Assert.Equal("Name_F33", name);
        Assert.Equal("another field is already named 'Name'", reason);
    }

    [Fact]
    public void A_taken_name_whose_code_has_no_letters_gets_Field_appended()
    {
        var scope = new NameScope(["Total"]);

        Assert.Equal("Total_Field", scope.Claim("Total", "???", out _));
    }
}
