namespace H3Yun;

/// <summary>
/// The business key <see cref="H3Repository{TForm}.UpsertManyAsync"/> matches items to records by: one field
/// (<c>SalesOrder.Where.OrderNumber</c> converts to a key) or several (<c>UpsertKey.Of(a, b)</c>), each a query handle
/// of the form. Two records with equal values in every key field are the same record.
/// </summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
public sealed class UpsertKey<TForm>
    where TForm : H3BizObject
{
    internal UpsertKey(IReadOnlyList<H3Field<TForm>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0)
        {
            throw new ArgumentException("A key needs at least one field.", nameof(fields));
        }

        foreach (var field in fields)
        {
            ArgumentNullException.ThrowIfNull(field, nameof(fields));
            if (field is PresenceField<TForm> or AttachmentField<TForm> or StatusField<TForm>
                || SystemFieldCodes.ServerOwned.Contains(field.Code))
            {
                throw new ArgumentException(
                    $"The field {field.Code} cannot be part of a key: a key field must hold a value the items set (text, number, date, option, person, department or association).",
                    nameof(fields));
            }
        }

        var codes = fields.Select(static f => f.Code).ToArray();
        if (codes.Distinct(StringComparer.Ordinal).Count() != codes.Length)
        {
            throw new ArgumentException("A key names each field once.", nameof(fields));
        }

        FieldCodes = codes;
    }

    /// <summary>The codes of the key's fields, in the order given.</summary>
    public IReadOnlyList<string> FieldCodes { get; }

    /// <summary>A key of one text field.</summary>
    /// <param name="field">The field.</param>
    public static implicit operator UpsertKey<TForm>(TextField<TForm> field) => new([field]);

    /// <summary>A key of one person, department or association id field.</summary>
    /// <param name="field">The field.</param>
    public static implicit operator UpsertKey<TForm>(IdField<TForm> field) => new([field]);

    /// <summary>A key of one date field.</summary>
    /// <param name="field">The field.</param>
    public static implicit operator UpsertKey<TForm>(DateField<TForm> field) => new([field]);

    /// <summary>A key of one integer field.</summary>
    /// <param name="field">The field.</param>
    public static implicit operator UpsertKey<TForm>(NumberField<TForm, int> field) => new([field]);

    /// <summary>A key of one long integer field.</summary>
    /// <param name="field">The field.</param>
    public static implicit operator UpsertKey<TForm>(NumberField<TForm, long> field) => new([field]);

    /// <summary>A key of one decimal field.</summary>
    /// <param name="field">The field.</param>
    public static implicit operator UpsertKey<TForm>(NumberField<TForm, decimal> field) => new([field]);

    /// <inheritdoc/>
    public override string ToString() => string.Join(" + ", FieldCodes);
}

/// <summary>Makes keys of several fields, or of a field kind without a conversion (options, typed associations).</summary>
public static class UpsertKey
{
    /// <summary>A key of the fields given, in that order.</summary>
    /// <typeparam name="TForm">The generated record type.</typeparam>
    /// <param name="fields">The key's fields: <c>UpsertKey.Of(Roster.Where.Region, Roster.Where.EmployeeNumber)</c>.</param>
    /// <returns>The key.</returns>
    public static UpsertKey<TForm> Of<TForm>(params H3Field<TForm>[] fields)
        where TForm : H3BizObject => new(fields);
}
