namespace H3Yun;

/// <summary>
/// Maps a class of your own to an H3Yun form, as an alternative to the class the generator makes from the form's
/// schema file. Declare the class <c>partial</c> and its fields as partial properties with <see cref="H3FieldAttribute"/>;
/// the generator derives the class from <see cref="H3BizObject"/>, implements the properties with change tracking
/// (a property you never assign is never sent), and adds <c>FormInfo</c>, <c>SchemaCode</c> and a
/// <c>&lt;ClassName&gt;Repository</c>. The codes are checked against the project's <c>*.h3form.json</c> files at build time.
/// </summary>
/// <example>
/// <code>
/// [H3Form("D000024SalesOrder")]
/// public partial class OrderSummary
/// {
///     [H3Field("F0000001")] public partial string? Number { get; set; }
///     [H3Field("F0000004")] public partial decimal? Amount { get; set; }
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class H3FormAttribute : Attribute
{
    /// <summary>Maps the class to the form <paramref name="schemaCode"/>.</summary>
    /// <param name="schemaCode">The form's SchemaCode, as in its schema file.</param>
    public H3FormAttribute(string schemaCode)
    {
        SchemaCode = schemaCode;
    }

    /// <summary>The form's SchemaCode.</summary>
    public string SchemaCode { get; }
}
