using System.Numerics;

namespace H3Yun;

/// <summary>
/// A field of the form <typeparamref name="TForm"/> to filter on. Generated code exposes one per field, of the
/// subclass whose operators fit the field's type, so that a wrong operator or value type does not compile.
/// </summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
public abstract class H3Field<TForm>
    where TForm : H3BizObject
{
    private protected H3Field(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
    }

    /// <summary>The field code.</summary>
    public string Code { get; }

    /// <summary>The field has no value (<c>IsNull</c>).</summary>
    /// <returns>The condition.</returns>
    public Condition<TForm> IsNull() => Compare(ComparisonOperator.IsNull, MatcherValue.Null);

    /// <summary>The field has a value (<c>NotNull</c>).</summary>
    /// <returns>The condition.</returns>
    public Condition<TForm> IsNotNull() => Compare(ComparisonOperator.NotNull, MatcherValue.Null);

    /// <summary>Sorts by this field, ascending.</summary>
    /// <returns>The sort key.</returns>
    public SortBy Ascending() => new(Code, SortDirection.Ascending);

    /// <summary>Sorts by this field, descending.</summary>
    /// <returns>The sort key.</returns>
    public SortBy Descending() => new(Code, SortDirection.Descending);

    private protected Condition<TForm> Compare(ComparisonOperator comparison, MatcherValue value) =>
        new(new ItemMatcher(Code, comparison, value));

    private protected Condition<TForm> CompareWithList<TValue>(ComparisonOperator comparison, IEnumerable<TValue> values, Func<TValue, MatcherValue> convert)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Compare(comparison, MatcherValue.FromList(values.Select(convert)));
    }
}

/// <summary>A field whose values are ordered: numbers and dates.</summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
/// <typeparam name="TValue">The field's C# type.</typeparam>
public abstract class ComparableField<TForm, TValue> : H3Field<TForm>
    where TForm : H3BizObject
{
    private protected ComparableField(string code)
        : base(code)
    {
    }

    /// <summary>Field = value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> EqualTo(TValue value) => Compare(ComparisonOperator.Equal, ToValue(value));

    /// <summary>Field != value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotEqualTo(TValue value) => Compare(ComparisonOperator.NotEqual, ToValue(value));

    /// <summary>Field &gt; value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> GreaterThan(TValue value) => Compare(ComparisonOperator.Above, ToValue(value));

    /// <summary>Field &gt;= value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> GreaterThanOrEqualTo(TValue value) => Compare(ComparisonOperator.NotBelow, ToValue(value));

    /// <summary>Field &lt; value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> LessThan(TValue value) => Compare(ComparisonOperator.Below, ToValue(value));

    /// <summary>Field &lt;= value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> LessThanOrEqualTo(TValue value) => Compare(ComparisonOperator.NotAbove, ToValue(value));

    /// <summary>Field is one of the values.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> In(params TValue[] values) => CompareWithList(ComparisonOperator.In, values, ToValue);

    /// <summary>Field is none of the values.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotIn(params TValue[] values) => CompareWithList(ComparisonOperator.NotIn, values, ToValue);

    private protected abstract MatcherValue ToValue(TValue value);
}

/// <summary>A number field (数字): every comparison, plus <c>IsNone</c>/<c>IsNotNone</c>.</summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
/// <typeparam name="TNumber">decimal, int or long.</typeparam>
/// <param name="code">The field code.</param>
public sealed class NumberField<TForm, TNumber>(string code) : ComparableField<TForm, TNumber>(code)
    where TForm : H3BizObject
    where TNumber : struct, INumberBase<TNumber>
{
    /// <summary>The field is null or empty (<c>IsNone</c>).</summary>
    /// <returns>The condition.</returns>
    public Condition<TForm> IsNone() => Compare(ComparisonOperator.IsNone, MatcherValue.Null);

    /// <summary>The field is neither null nor empty (<c>NotNone</c>).</summary>
    /// <returns>The condition.</returns>
    public Condition<TForm> IsNotNone() => Compare(ComparisonOperator.NotNone, MatcherValue.Null);

    private protected override MatcherValue ToValue(TNumber value) => MatcherValue.FromDecimal(decimal.CreateChecked(value));
}

/// <summary>
/// A date field (日期): every comparison, with values written as <c>yyyy-MM-dd HH:mm:ss</c> in H3Yun's zone (UTC and
/// local times are converted, unspecified ones are taken as H3Yun's clock), or given as instants.
/// </summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
/// <param name="code">The field code.</param>
public sealed class DateField<TForm>(string code) : ComparableField<TForm, DateTime>(code)
    where TForm : H3BizObject
{
    // Both overload sets live here: C# prefers the most derived class, and DateTime converts implicitly to
    // DateTimeOffset as a *local* time, so DateTimeOffset overloads alone would shift every unspecified date.

    /// <summary>Field = date.</summary>
    /// <param name="value">The date; an unspecified kind is H3Yun's clock.</param>
    /// <returns>The condition.</returns>
    public new Condition<TForm> EqualTo(DateTime value) => base.EqualTo(value);

    /// <summary>Field != date.</summary>
    /// <param name="value">The date; an unspecified kind is H3Yun's clock.</param>
    /// <returns>The condition.</returns>
    public new Condition<TForm> NotEqualTo(DateTime value) => base.NotEqualTo(value);

    /// <summary>Field &gt; date.</summary>
    /// <param name="value">The date; an unspecified kind is H3Yun's clock.</param>
    /// <returns>The condition.</returns>
    public new Condition<TForm> GreaterThan(DateTime value) => base.GreaterThan(value);

    /// <summary>Field &gt;= date.</summary>
    /// <param name="value">The date; an unspecified kind is H3Yun's clock.</param>
    /// <returns>The condition.</returns>
    public new Condition<TForm> GreaterThanOrEqualTo(DateTime value) => base.GreaterThanOrEqualTo(value);

    /// <summary>Field &lt; date.</summary>
    /// <param name="value">The date; an unspecified kind is H3Yun's clock.</param>
    /// <returns>The condition.</returns>
    public new Condition<TForm> LessThan(DateTime value) => base.LessThan(value);

    /// <summary>Field &lt;= date.</summary>
    /// <param name="value">The date; an unspecified kind is H3Yun's clock.</param>
    /// <returns>The condition.</returns>
    public new Condition<TForm> LessThanOrEqualTo(DateTime value) => base.LessThanOrEqualTo(value);

    /// <summary>Field = instant.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> EqualTo(DateTimeOffset value) => Compare(ComparisonOperator.Equal, value);

    /// <summary>Field != instant.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotEqualTo(DateTimeOffset value) => Compare(ComparisonOperator.NotEqual, value);

    /// <summary>Field &gt; instant.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> GreaterThan(DateTimeOffset value) => Compare(ComparisonOperator.Above, value);

    /// <summary>Field &gt;= instant.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> GreaterThanOrEqualTo(DateTimeOffset value) => Compare(ComparisonOperator.NotBelow, value);

    /// <summary>Field &lt; instant.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> LessThan(DateTimeOffset value) => Compare(ComparisonOperator.Below, value);

    /// <summary>Field &lt;= instant.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> LessThanOrEqualTo(DateTimeOffset value) => Compare(ComparisonOperator.NotAbove, value);

    private protected override MatcherValue ToValue(DateTime value) => MatcherValue.FromDateTime(value);
}

/// <summary>A text field: equality, lists, and the text operators with their negations.</summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
/// <param name="code">The field code.</param>
public sealed class TextField<TForm>(string code) : H3Field<TForm>(code)
    where TForm : H3BizObject
{
    /// <summary>Field = text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> EqualTo(string value) => Compare(ComparisonOperator.Equal, Required(value));

    /// <summary>Field != text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotEqualTo(string value) => Compare(ComparisonOperator.NotEqual, Required(value));

    /// <summary>Field is one of the texts.</summary>
    /// <param name="values">The texts.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> In(params string[] values) => CompareWithList(ComparisonOperator.In, values, static v => Required(v));

    /// <summary>Field is none of the texts.</summary>
    /// <param name="values">The texts.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotIn(params string[] values) => CompareWithList(ComparisonOperator.NotIn, values, static v => Required(v));

    /// <summary>Field contains the text (<c>like '%text%'</c>; pass the bare text, without %).</summary>
    /// <param name="value">The text.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> Contains(string value) => Compare(ComparisonOperator.Contains, Required(value));

    /// <summary>Field does not contain the text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotContains(string value) => Compare(ComparisonOperator.NotContains, Required(value));

    /// <summary>Field starts with the text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> StartsWith(string value) => Compare(ComparisonOperator.StartWith, Required(value));

    /// <summary>Field does not start with the text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotStartsWith(string value) => Compare(ComparisonOperator.NotStartWith, Required(value));

    /// <summary>Field ends with the text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> EndsWith(string value) => Compare(ComparisonOperator.EndWith, Required(value));

    /// <summary>Field does not end with the text.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotEndsWith(string value) => Compare(ComparisonOperator.NotEndWith, Required(value));

    /// <summary>The field is null or empty (<c>IsNone</c>).</summary>
    /// <returns>The condition.</returns>
    public Condition<TForm> IsNone() => Compare(ComparisonOperator.IsNone, MatcherValue.Null);

    /// <summary>The field is neither null nor empty (<c>NotNone</c>).</summary>
    /// <returns>The condition.</returns>
    public Condition<TForm> IsNotNone() => Compare(ComparisonOperator.NotNone, MatcherValue.Null);

    private static MatcherValue Required(string value) =>
        MatcherValue.FromString(value ?? throw new ArgumentNullException(nameof(value), "Compare with IsNull() or IsNone() to find empty fields."));
}

/// <summary>A yes/no field (是/否): equality only.</summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
/// <param name="code">The field code.</param>
public sealed class BooleanField<TForm>(string code) : H3Field<TForm>(code)
    where TForm : H3BizObject
{
    /// <summary>Field = value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> EqualTo(bool value) => Compare(ComparisonOperator.Equal, value);

    /// <summary>Field != value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotEqualTo(bool value) => Compare(ComparisonOperator.NotEqual, value);
}

/// <summary>A field that holds ids (a person, a department, an associated record): equality and lists of ids.</summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
/// <param name="code">The field code.</param>
public sealed class IdField<TForm>(string code) : H3Field<TForm>(code)
    where TForm : H3BizObject
{
    /// <summary>Field = id.</summary>
    /// <param name="objectId">The id.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> EqualTo(string objectId) => Compare(ComparisonOperator.Equal, objectId ?? throw new ArgumentNullException(nameof(objectId)));

    /// <summary>Field != id.</summary>
    /// <param name="objectId">The id.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotEqualTo(string objectId) => Compare(ComparisonOperator.NotEqual, objectId ?? throw new ArgumentNullException(nameof(objectId)));

    /// <summary>Field is one of the ids.</summary>
    /// <param name="objectIds">The ids.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> In(params string[] objectIds) => CompareWithList(ComparisonOperator.In, objectIds, static id => MatcherValue.FromString(id));

    /// <summary>Field is none of the ids.</summary>
    /// <param name="objectIds">The ids.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotIn(params string[] objectIds) => CompareWithList(ComparisonOperator.NotIn, objectIds, static id => MatcherValue.FromString(id));
}

/// <summary>The system field <c>Status</c>: equality and lists of <see cref="BizObjectStatus"/>, sent as numbers.</summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
/// <param name="code">The field code.</param>
public sealed class StatusField<TForm>(string code) : H3Field<TForm>(code)
    where TForm : H3BizObject
{
    /// <summary>Status = value.</summary>
    /// <param name="status">The state.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> EqualTo(BizObjectStatus status) => Compare(ComparisonOperator.Equal, (int)status);

    /// <summary>Status != value.</summary>
    /// <param name="status">The state.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotEqualTo(BizObjectStatus status) => Compare(ComparisonOperator.NotEqual, (int)status);

    /// <summary>Status is one of the states.</summary>
    /// <param name="statuses">The states.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> In(params BizObjectStatus[] statuses) => CompareWithList(ComparisonOperator.In, statuses, static s => (int)s);

    /// <summary>Status is none of the states.</summary>
    /// <param name="statuses">The states.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotIn(params BizObjectStatus[] statuses) => CompareWithList(ComparisonOperator.NotIn, statuses, static s => (int)s);
}

/// <summary>An option field (单选框, 下拉框, 复选框): compares option texts, given as the field's enum.</summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
/// <typeparam name="TOption">The field's generated option enum.</typeparam>
/// <param name="code">The field code.</param>
/// <param name="toText">Gives the option text H3Yun stores for an enum value.</param>
public sealed class OptionField<TForm, TOption>(string code, Func<TOption, string> toText) : H3Field<TForm>(code)
    where TForm : H3BizObject
    where TOption : struct, Enum
{
    private readonly Func<TOption, string> _toText = toText ?? throw new ArgumentNullException(nameof(toText));

    /// <summary>Field = option.</summary>
    /// <param name="option">The option.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> EqualTo(TOption option) => Compare(ComparisonOperator.Equal, _toText(option));

    /// <summary>Field != option.</summary>
    /// <param name="option">The option.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotEqualTo(TOption option) => Compare(ComparisonOperator.NotEqual, _toText(option));

    /// <summary>Field is one of the options.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> In(params TOption[] options) => CompareWithList(ComparisonOperator.In, options, o => _toText(o));

    /// <summary>Field is none of the options.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotIn(params TOption[] options) => CompareWithList(ComparisonOperator.NotIn, options, o => _toText(o));

    /// <summary>A checkbox field includes the option (its <c>A;B</c> text contains it).</summary>
    /// <param name="option">The option.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> Contains(TOption option) => Compare(ComparisonOperator.Contains, _toText(option));

    /// <summary>A checkbox field does not include the option.</summary>
    /// <param name="option">The option.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotContains(TOption option) => Compare(ComparisonOperator.NotContains, _toText(option));

    /// <summary>The field is null or empty (<c>IsNone</c>).</summary>
    /// <returns>The condition.</returns>
    public Condition<TForm> IsNone() => Compare(ComparisonOperator.IsNone, MatcherValue.Null);

    /// <summary>The field is neither null nor empty (<c>NotNone</c>).</summary>
    /// <returns>The condition.</returns>
    public Condition<TForm> IsNotNone() => Compare(ComparisonOperator.NotNone, MatcherValue.Null);
}

/// <summary>An association field typed to its form: compares the associated record's id.</summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
/// <typeparam name="TTarget">The associated form's generated class.</typeparam>
/// <param name="code">The field code.</param>
public sealed class ReferenceField<TForm, TTarget>(string code) : H3Field<TForm>(code)
    where TForm : H3BizObject
    where TTarget : H3BizObject
{
    /// <summary>Field refers to the record.</summary>
    /// <param name="target">The associated record.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> EqualTo(H3Ref<TTarget> target) => Compare(ComparisonOperator.Equal, target.ObjectId);

    /// <summary>Field does not refer to the record.</summary>
    /// <param name="target">The associated record.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotEqualTo(H3Ref<TTarget> target) => Compare(ComparisonOperator.NotEqual, target.ObjectId);

    /// <summary>Field refers to one of the records.</summary>
    /// <param name="targets">The associated records.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> In(params H3Ref<TTarget>[] targets) => CompareWithList(ComparisonOperator.In, targets, static t => t.ObjectId);

    /// <summary>Field refers to none of the records.</summary>
    /// <param name="targets">The associated records.</param>
    /// <returns>The condition.</returns>
    public Condition<TForm> NotIn(params H3Ref<TTarget>[] targets) => CompareWithList(ComparisonOperator.NotIn, targets, static t => t.ObjectId);
}

/// <summary>A field whose values have no order or text to compare (addresses, locations, attachments, raw JSON): only presence.</summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
/// <param name="code">The field code.</param>
public sealed class PresenceField<TForm>(string code) : H3Field<TForm>(code)
    where TForm : H3BizObject;

/// <summary>
/// An attachment (附件) or image (图片) field: it can be filtered on presence only, and names the field a file is
/// uploaded to (<c>repository.Attachments.UploadAsync(record, Form.Where.Files, …)</c>).
/// </summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
/// <param name="code">The field code.</param>
public sealed class AttachmentField<TForm>(string code) : H3Field<TForm>(code)
    where TForm : H3BizObject;
