using System.Text.Json;

namespace H3Yun;

/// <summary>
/// What <see cref="UpsertEngine"/> needs from the items, typed or not: each item as the JSON a create sends, the
/// body of an update of some of its fields, and a stored record in the same JSON form, so that values compare as
/// the serializer writes them.
/// </summary>
internal abstract class UpsertSource
{
    public abstract string SchemaCode { get; }

    public abstract IReadOnlyList<string> KeyCodes { get; }

    public abstract int Count { get; }

    /// <summary>The item as CreateBizObject(s) sends it: its assigned fields, child tables whole.</summary>
    public abstract ReadOnlyMemory<byte> CreateBody(int index);

    /// <summary>The UpdateBizObject body sending the fields <paramref name="changed"/>, by the rules of updates.</summary>
    /// <exception cref="InvalidOperationException">The update would send a child table whose rows are not whole.</exception>
    public abstract ReadOnlyMemory<byte> UpdateBody(int index, string objectId, IReadOnlyCollection<string> changed);

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
