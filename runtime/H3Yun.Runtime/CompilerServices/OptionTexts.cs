using System.ComponentModel;

namespace H3Yun.CompilerServices;

/// <summary>
/// Converts between a checkbox field's option texts, which H3Yun stores, and its generated enum. Texts the schema
/// does not know have no enum value and are skipped here; the field's <c>…Texts</c> property keeps them.
/// Called by generated code; not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OptionTexts
{
    /// <summary>The options among <paramref name="texts"/> that the schema knows, in order.</summary>
    /// <typeparam name="TOption">The generated option enum.</typeparam>
    /// <param name="texts">The stored texts.</param>
    /// <param name="fromText">The generated text-to-option map.</param>
    /// <returns>The known options, or <see langword="null"/> when the field is empty.</returns>
    public static IReadOnlyList<TOption>? Known<TOption>(IReadOnlyList<string>? texts, Func<string?, TOption?> fromText)
        where TOption : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(fromText);
        return texts?.Select(fromText).OfType<TOption>().ToArray();
    }

    /// <summary>The texts to store for <paramref name="options"/>, in order, each once.</summary>
    /// <typeparam name="TOption">The generated option enum.</typeparam>
    /// <param name="options">The chosen options.</param>
    /// <param name="toText">The generated option-to-text map.</param>
    /// <returns>The texts.</returns>
    public static IReadOnlyList<string> ToTexts<TOption>(IEnumerable<TOption> options, Func<TOption, string> toText)
        where TOption : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(toText);
        return options.Distinct().Select(toText).ToArray();
    }
}
