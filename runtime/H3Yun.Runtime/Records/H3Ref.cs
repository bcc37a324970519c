namespace H3Yun;

/// <summary>
/// A reference to a record of the form <typeparamref name="TForm"/>: the value of an association field (关联表单).
/// H3Yun stores the associated record's ObjectId; <see cref="Name"/> is its title when H3Yun sent one.
/// </summary>
/// <typeparam name="TForm">The associated form's generated class.</typeparam>
/// <param name="ObjectId">The associated record's id.</param>
/// <param name="Name">The associated record's title, when known; never written.</param>
public readonly record struct H3Ref<TForm>(string ObjectId, string? Name = null)
    where TForm : H3BizObject
{
    /// <summary>Refers to a record that has been loaded or created.</summary>
    /// <param name="record">The record; it must have an ObjectId.</param>
    public static implicit operator H3Ref<TForm>(TForm record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.IsNullOrEmpty(record.ObjectId)
            ? throw new ArgumentException("The record has no ObjectId yet; create or load it first.", nameof(record))
            : new H3Ref<TForm>(record.ObjectId, record.Name);
    }

    /// <summary>The id, which is what H3Yun stores.</summary>
    /// <returns>The ObjectId.</returns>
    public override string ToString() => ObjectId;
}
