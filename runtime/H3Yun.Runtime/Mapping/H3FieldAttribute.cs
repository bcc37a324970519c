namespace H3Yun;

/// <summary>
/// Maps a partial property of an <see cref="H3FormAttribute"/> class to a field of the form. The generator checks
/// the code and the property's type against the form's schema file, and implements the property.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class H3FieldAttribute : Attribute
{
    /// <summary>Maps the property to the field <paramref name="fieldCode"/>.</summary>
    /// <param name="fieldCode">The field code, such as <c>F0000001</c>.</param>
    public H3FieldAttribute(string fieldCode)
    {
        FieldCode = fieldCode;
    }

    /// <summary>The field code.</summary>
    public string FieldCode { get; }
}
