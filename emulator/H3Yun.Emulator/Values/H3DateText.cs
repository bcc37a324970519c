using System;
using System.Globalization;

namespace H3Yun.Emulator.Values;

/// <summary>Dates as H3Yun reads them back and every format clients are known to write (docs/protocol.md#date-formats).</summary>
internal static class H3DateText
{
    public const string ReadFormat = DateFormats.Answer;

    public static string Format(DateTime value) => value.ToString(ReadFormat, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !DateFormats.TryParse(text, out value, out var instant))
        {
            return false;
        }

        if (instant is { } withOffset)
        {
            value = ChinaTime.FromOffset(withOffset);
        }

        return true;
    }
}
