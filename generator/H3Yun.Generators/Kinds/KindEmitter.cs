using H3Yun.Generators.Emitting;

namespace H3Yun.Generators.Kinds;

/// <summary>
/// What one kind of field contributes to a record class. The constructor's arguments are the kind's stored shape:
/// the C# type that holds the value, the <c>BizValueReader</c> call that reads it, the <c>BizObjectWriter</c> method
/// that writes it (null when the OpenApi cannot write it) and the query handle that offers only the operators
/// that fit. A user's <c>[H3Form]</c> class uses exactly that shape; a generated class gets the typed views a
/// subclass adds on top (option enums, people companions, references).
/// </summary>
internal class KindEmitter(string storedType, string read, string? write, string handle, string handleTypeArguments = "")
{
    protected const string Reader = "global::H3Yun.CompilerServices.BizValueReader.";
    protected const string ListOf = "global::System.Collections.Generic.IReadOnlyList<";

    /// <summary>The type of the backing field and of a mapped property.</summary>
    public string StoredType { get; } = storedType;

    /// <summary>The reader call after <c>BizValueReader.</c>, over <c>value</c> and <c>fieldCode</c>.</summary>
    public string Read { get; } = read;

    /// <summary>The writer method, or null when the field is never written.</summary>
    public string? Write { get; } = write;

    /// <summary>Whether a user's class may map the field.</summary>
    public virtual bool Mappable => true;

    /// <summary>The property and its backing field.</summary>
    public virtual void Members(SourceWriter w, RecordField f, RecordContext c)
    {
        var type = PropertyType(f, c);
        if (f.Spec.ReadOnly)
        {
            w.Line("public ", type, " ", f.Property, " => ", f.Backing, ";");
        }
        else
        {
            Tracked(w, type, f.Property, f.IndexText, f.Backing, f.Backing, "value");
        }

        Backing(w, f, type);
    }

    /// <summary>The type of the backing field, when it differs from the property's (a value that keeps more than it shows).</summary>
    public virtual string BackingType => StoredType;

    /// <summary>A mapped property's getter and setter bodies over its backing field.</summary>
    public virtual (string Getter, string Setter) MappedAccessors(string backing) => (backing, $"{backing} = value");

    /// <summary>The <c>case</c> lines of <c>ReadField</c>.</summary>
    public virtual void ReadCases(SourceWriter w, RecordField f, RecordContext c)
    {
        if (c.Typed)
        {
            ReadTyped(w, f, c);
        }
        else
        {
            ReadStored(w, f);
        }
    }

    /// <summary>Whether <c>WriteFields</c> writes the field, and so whether the record keeps its encoded name.</summary>
    public virtual bool Writes(RecordField f, RecordContext c) => !f.Spec.ReadOnly && WriterMethod(f, c) is not null;

    /// <summary>The line of <c>WriteFields</c>; nothing for a field that is never written.</summary>
    public virtual void WriteLine(SourceWriter w, RecordField f, RecordContext c)
    {
        if (Writes(f, c))
        {
            w.Line("if (ShouldWrite(writer, ", f.IndexText, ")) writer.", WriterMethod(f, c)!, "(", f.Name, ", ", f.Backing, ");");
        }
    }

    /// <summary>The query handle's type and constructor arguments, or null when the kind cannot be queried.</summary>
    public virtual (string Type, string Arguments)? Handle(RecordField f, RecordContext c) =>
        ($"global::H3Yun.{handle}<{c.FormType}{handleTypeArguments}>", f.Code);

    /// <summary>The generated property's type; the stored type unless a typed view replaces it.</summary>
    protected virtual string PropertyType(RecordField f, RecordContext c) => StoredType;

    protected virtual void ReadTyped(SourceWriter w, RecordField f, RecordContext c) => ReadStored(w, f);

    protected virtual string? WriteMethod(Model.FieldSpec field) => Write;

    private string? WriterMethod(RecordField f, RecordContext c) => c.Typed ? WriteMethod(f.Spec) : Write;

    protected void ReadStored(SourceWriter w, RecordField f) =>
        w.Line("case ", f.Code, ": ", f.Backing, " = ", Reader, Read, "; return ", f.IndexText, ";");

    protected static void Backing(SourceWriter w, RecordField f, string type, string initializer = "") =>
        w.Line("private ", type, " ", f.Backing, initializer, ";");

    /// <summary>A property whose setter stores into <paramref name="backing"/> and records the assignment, on one line.</summary>
    protected static void Tracked(SourceWriter w, string type, string name, string index, string backing, string getter, string assignment) =>
        w.Line("public ", type, " ", name, " { get => ", getter, "; set { ", backing, " = ", assignment, "; OnFieldAssigned(", index, "); } }");
}
