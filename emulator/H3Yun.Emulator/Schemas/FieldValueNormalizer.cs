using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Protocol;
using H3Yun.Emulator.Values;

namespace H3Yun.Emulator.Schemas;

/// <summary>
/// Turns a written value into the form H3Yun reads it back in, by the field's data type. Inputs are taken in every
/// shape clients are known to send; a value that cannot mean anything for the type is refused rather than stored.
/// </summary>
internal static class FieldValueNormalizer
{
    public static JsonNode? Normalize(FormSchema form, FieldSchema field, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        return field.DataType switch
        {
            BizDataType.DateTime => ToDate(form, field, value),
            BizDataType.Double => ToNumber(form, field, value, integerOnly: false),
            BizDataType.Int or BizDataType.Long => ToNumber(form, field, value, integerOnly: true),
            BizDataType.Bool => ToBool(form, field, value),
            BizDataType.ShortString or BizDataType.String or BizDataType.Html or BizDataType.Xml => ToText(form, field, value),
            BizDataType.Map or BizDataType.Address => ToJsonText(value),
            BizDataType.Unit => ToText(form, field, value),
            _ => value.DeepClone(),
        };
    }

    private static JsonValue? ToDate(FormSchema form, FieldSchema field, JsonNode value)
    {
        var text = ScalarText(form, field, value);
        if (text.Length == 0)
        {
            return null;
        }

        return H3DateText.TryParse(text, out var date)
            ? JsonValue.Create(H3DateText.Format(date))
            : throw Refuse(form, field, value, "is not a date; send yyyy-MM-dd HH:mm:ss, yyyy-MM-dd, yyyy/M/d H:mm:ss or ISO 8601");
    }

    private static JsonValue? ToNumber(FormSchema form, FieldSchema field, JsonNode value, bool integerOnly)
    {
        var text = ScalarText(form, field, value).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (integerOnly)
        {
            var fitsInt = field.DataType != BizDataType.Int || int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
            return fitsInt && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)
                ? JsonValue.Create(whole)
                : throw Refuse(form, field, value, "is not a whole number in range");
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var large) && double.IsFinite(large)
            ? JsonValue.Create(large)
            : throw Refuse(form, field, value, "is not a number");
    }

    private static JsonValue? ToBool(FormSchema form, FieldSchema field, JsonNode value)
    {
        if (LenientJson.TryReadBool(value, out var flag))
        {
            return JsonValue.Create(flag);
        }

        return value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String && scalar.GetValue<string>().Trim().Length == 0
            ? null
            : throw Refuse(form, field, value, "is not true or false");
    }

    private static JsonValue ToText(FormSchema form, FieldSchema field, JsonNode value)
    {
        // A check-box list (several options) is one ";"-joined string in H3Yun; accept the array form too.
        if (value is JsonArray array)
        {
            return JsonValue.Create(string.Join(';', array.Select(item => ScalarText(form, field, item ?? throw Refuse(form, field, value, "holds a null item")))));
        }

        return JsonValue.Create(ScalarText(form, field, value));
    }

    /// <summary>Address and location values are JSON documents stored as text; an object sent as-is is stored as its text.</summary>
    private static JsonValue ToJsonText(JsonNode value) => value switch
    {
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => JsonValue.Create(scalar.GetValue<string>()),
        _ => JsonValue.Create(value.ToJsonString()),
    };

    private static string ScalarText(FormSchema form, FieldSchema field, JsonNode value)
    {
        if (value is JsonValue scalar)
        {
            switch (scalar.GetValueKind())
            {
                case JsonValueKind.String:
                    return scalar.GetValue<string>();
                case JsonValueKind.Number:
                    return scalar.ToJsonString();
                case JsonValueKind.True:
                    return "true";
                case JsonValueKind.False:
                    return "false";
            }
        }

        throw Refuse(form, field, value, $"must be a single value, not {LenientJson.KindOf(value)}");
    }

    private static H3RequestException Refuse(FormSchema form, FieldSchema field, JsonNode value, string problem) =>
        new($"字段值无效 / invalid value for field {field.Code} ({field.DataType}) of form {form.Describe()}: {Truncate(value.ToJsonString())} {problem}");

    private static string Truncate(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
