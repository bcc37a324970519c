using H3Yun.Sync.Schema;

namespace H3Yun.Sync.Tests;

/// <summary>
/// How each field type becomes columns, as docs/copy-to-database.md's table lists them, and how a type is named in
/// <c>h3yun_columns</c>.
/// </summary>
public class FieldShapeTests
{
    [Theory]
    [InlineData(1, false, "Boolean")]
    [InlineData(5, true, "Timestamp")]
    [InlineData(7, false, "Decimal")]
    [InlineData(9, false, "Integer")]
    [InlineData(11, true, "Integer")]
    [InlineData(13, false, "Text")]
    [InlineData(14, false, "Text")]
    [InlineData(30, false, "Text")]
    [InlineData(32, false, "Text")]
    [InlineData(13, true, "TextList")]
    [InlineData(14, true, "TextList")]
    [InlineData(30, true, "Json")]
    [InlineData(26, false, "Reference")]
    [InlineData(50, false, "Reference")]
    [InlineData(26, true, "ReferenceList")]
    [InlineData(27, false, "ReferenceList")]
    [InlineData(50, true, "ReferenceList")]
    [InlineData(56, false, "Json")]
    [InlineData(55, false, "Json")]
    [InlineData(24, true, "Json")]
    [InlineData(99, false, "Json")]
    public void Each_type_is_copied_into_the_column_kind_the_docs_list(int dataType, bool multiple, string shapeName)
    {
        var shape = Enum.Parse<FieldShape>(shapeName);
        Assert.Equal(shape, FieldShapes.ShapeOf(dataType, multiple));
        Assert.Equal(shape, new SyncField("F0000001", null, null, dataType, multiple).Shape);
    }

    [Theory]
    [InlineData(14, false, "ShortString")]
    [InlineData(14, true, "ShortString[]")]
    [InlineData(27, false, "UnitArray")]
    [InlineData(99, false, "99")]
    [InlineData(-7, true, "-7[]")]
    public void A_type_is_recorded_by_its_name_or_as_its_number_when_H3Yun_added_it_since(int dataType, bool multiple, string recorded)
    {
        Assert.Equal(recorded, new SyncField("F0000001", null, null, dataType, multiple).DataTypeText);
    }
}
