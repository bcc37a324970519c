using System.Text.Json;

namespace H3Yun.OpenApi;

/// <summary>
/// The <c>Value</c> of an item matcher: JSON null, a string (text and dates), a number, a boolean, or an array
/// (for <c>In</c>/<c>NotIn</c>). Dates become <c>yyyy-MM-dd HH:mm:ss</c> strings in H3Yun's zone when the filter is
/// written, like every date the client writes.
/// </summary>
public readonly struct MatcherValue : IEquatable<MatcherValue>
{
    private readonly object? _value;

    private MatcherValue(object? value) => _value = value;

    /// <summary>JSON null, the value of <c>IsNull</c>-style operators.</summary>
    public static MatcherValue Null => default;

    /// <summary>Whether the value is JSON null.</summary>
    public bool IsNull => _value is null;

    /// <summary>Makes a string value.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The value; JSON null for <see langword="null"/>.</returns>
    public static MatcherValue FromString(string? value) => new(value);

    /// <summary>Makes a number value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static MatcherValue FromDecimal(decimal value) => new(value);

    /// <summary>Makes a boolean value.</summary>
    /// <param name="value">The flag.</param>
    /// <returns>The value.</returns>
    public static MatcherValue FromBoolean(bool value) => new(value);

    /// <summary>
    /// Makes a date value, written as <c>yyyy-MM-dd HH:mm:ss</c> in H3Yun's zone: a UTC or local time is converted,
    /// an unspecified one is taken as H3Yun's clock.
    /// </summary>
    /// <param name="value">The date.</param>
    /// <returns>The value.</returns>
    public static MatcherValue FromDateTime(DateTime value) => new(value);

    /// <summary>Makes a date value from an instant, written as <c>yyyy-MM-dd HH:mm:ss</c> in H3Yun's zone.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The value.</returns>
    public static MatcherValue FromDateTimeOffset(DateTimeOffset value) => new(value);

    /// <summary>Makes an array value for <c>In</c>/<c>NotIn</c>.</summary>
    /// <param name="values">The items.</param>
    /// <returns>The value.</returns>
    public static MatcherValue FromList(IEnumerable<MatcherValue> values) =>
        new(values?.ToArray() ?? throw new ArgumentNullException(nameof(values)));

    /// <summary>Converts text.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator MatcherValue(string? value) => FromString(value);

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator MatcherValue(decimal value) => FromDecimal(value);

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator MatcherValue(int value) => FromDecimal(value);

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator MatcherValue(long value) => FromDecimal(value);

    /// <summary>Converts a flag.</summary>
    /// <param name="value">The flag.</param>
    public static implicit operator MatcherValue(bool value) => FromBoolean(value);

    /// <summary>Converts a date.</summary>
    /// <param name="value">The date.</param>
    public static implicit operator MatcherValue(DateTime value) => FromDateTime(value);

    /// <summary>Converts an instant.</summary>
    /// <param name="value">The instant.</param>
    public static implicit operator MatcherValue(DateTimeOffset value) => FromDateTimeOffset(value);

    /// <inheritdoc/>
    public bool Equals(MatcherValue other) => _value switch
    {
        MatcherValue[] items => other._value is MatcherValue[] others && items.AsSpan().SequenceEqual(others),
        _ => Equals(_value, other._value),
    };

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MatcherValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is MatcherValue[] items ? items.Length : _value?.GetHashCode() ?? 0;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(MatcherValue left, MatcherValue right) => left.Equals(right);

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(MatcherValue left, MatcherValue right) => !left.Equals(right);

    internal void WriteTo(Utf8JsonWriter json, TimeZoneInfo zone)
    {
        switch (_value)
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case DateTime date: json.WriteStringValue(WireFormat.FormatDateTime(date, zone)); break;
            case DateTimeOffset instant: json.WriteStringValue(WireFormat.FormatDateTime(instant, zone)); break;
            case decimal number: json.WriteNumberValue(number); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case MatcherValue[] items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    item.WriteTo(json, zone);
                }

                json.WriteEndArray();
                break;
        }
    }
}
