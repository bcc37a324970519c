using System.ComponentModel;
using System.Text.Json;

namespace H3Yun;

/// <summary>
/// A field code together with its name as the JSON writer wants it, escaped and in UTF-8 once. Generated code keeps
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
        Encoded = JsonEncodedText.Encode(code, JsonWriting.Options.Encoder);
    }

    /// <summary>The field code, as errors name it.</summary>
    public string Code { get; }

    /// <summary>The name escaped as the writer's other names are, in UTF-8.</summary>
    internal JsonEncodedText Encoded { get; }

    /// <summary>The field code.</summary>
    /// <returns>The field code.</returns>
    public override string ToString() => Code;
}
