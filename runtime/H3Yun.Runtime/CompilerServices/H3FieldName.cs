using System.ComponentModel;
using System.Text.Json;

namespace H3Yun.CompilerServices;

/// <summary>
/// A field code together with its name as the JSON writer wants it, escaped, quoted and in UTF-8 once. Generated code keeps
/// one per written field in a <see langword="static readonly"/> field and passes it to <see cref="BizObjectWriter"/>,
/// so that writing a record neither looks a name up nor encodes it (what System.Text.Json's own metadata does for
/// property names). Called by generated code; not meant to be used by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class H3FieldName
{
    /// <summary>Encodes <paramref name="code"/> once.</summary>
    /// <param name="code">The field code, or a child table's schema code.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    public H3FieldName(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        Code = code;
        var utf8 = JsonEncodedText.Encode(code, JsonWriting.Options.Encoder).EncodedUtf8Bytes;
        var nameAndColon = new byte[utf8.Length + 3];
        nameAndColon[0] = (byte)'"';
        utf8.CopyTo(nameAndColon.AsSpan(1));
        nameAndColon[^2] = (byte)'"';
        nameAndColon[^1] = (byte)':';
        NameAndColon = nameAndColon;
    }

    /// <summary>The field code, as errors name it.</summary>
    public string Code { get; }

    /// <summary>
    /// The name escaped as the writer's other names are, in UTF-8, in quotes and with its colon: what the writer copies
    /// before the member's value, in one piece.
    /// </summary>
    internal byte[] NameAndColon { get; }

    /// <summary>The field code.</summary>
    /// <returns>The field code.</returns>
    public override string ToString() => Code;
}
