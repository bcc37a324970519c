using System.Text.Json;

namespace H3Yun;

/// <summary>
/// What <see cref="UpsertEngine"/> needs from the items, typed or not: the items read from the start, as often as the
/// engine asks (once to map the keys, once to compare, once to write), so that only the key map stays in memory; a
/// stored record in the same JSON form as an item, so that values compare as the serializer writes them.
/// </summary>
internal abstract class UpsertSource
{
    public abstract string SchemaCode { get; }

    public abstract IReadOnlyList<string> KeyCodes { get; }

    /// <summary>Reads the items from the first; each reading must give the same items in the same order.</summary>
    /// <exception cref="ArgumentException">An item does not fit the form.</exception>
    public abstract IEnumerable<UpsertItem> Read();

    /// <summary>A record H3Yun returned, as its id and the JSON a create of it would send (every present field).</summary>
    public abstract (string? ObjectId, ReadOnlyMemory<byte> Values) ReadStored(JsonElement stored);

    /// <summary>Keeps only the members named in <paramref name="names"/> of a JSON object.</summary>
    protected static ReadOnlyMemory<byte> Only(ReadOnlyMemory<byte> body, IReadOnlyCollection<string> names)
    {
        using var document = JsonDocument.Parse(body);
        return JsonWriting.ToUtf8((document.RootElement, names), static (json, state) =>
        {
            json.WriteStartObject();
            foreach (var member in state.RootElement.EnumerateObject())
            {
                if (state.names.Contains(member.Name))
                {
                    member.WriteTo(json);
                }
            }

            json.WriteEndObject();
        });
    }
}

/// <summary>One item of an <see cref="UpsertSource"/> reading.</summary>
internal abstract class UpsertItem
{
    private ReadOnlyMemory<byte>? _createBody;

    /// <summary>The item as CreateBizObject(s) sends it: its assigned fields, child tables whole.</summary>
    /// <exception cref="ArgumentException">A value does not fit its field.</exception>
    public ReadOnlyMemory<byte> CreateBody => _createBody ??= WriteCreateBody();

    /// <summary>The UpdateBizObject body sending the fields <paramref name="changed"/>, by the rules of updates.</summary>
    /// <exception cref="InvalidOperationException">The update would send a child table whose rows are not whole.</exception>
    public abstract ReadOnlyMemory<byte> UpdateBody(string objectId, IReadOnlyCollection<string> changed);

    protected abstract ReadOnlyMemory<byte> WriteCreateBody();
}
