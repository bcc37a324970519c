using System.ComponentModel;
using System.Text.Json;

namespace H3Yun.CompilerServices;

/// <summary>
/// The value of a person, department or association field: what H3Yun stores (an id) and what it shows (a display
/// name, with the id in an <c>…Object</c> companion or an <c>{ObjectId, Name}</c> value). Reading tolerates every
/// shape and either order of value and companion; the id is what the caller assigned, else the id H3Yun reported.
/// Used by generated code; not meant to be used by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct UnitValue
{
    private string? _text;
    private H3Unit? _unit;
    private bool _assigned;

    /// <summary>The id: as assigned, else as H3Yun reported it, else the text H3Yun sent (an id or, without a companion, perhaps a name).</summary>
    public readonly string? Id => _assigned ? _text : _unit?.ObjectId ?? _text;

    /// <summary>The id and name H3Yun reported on the last read; <see langword="null"/> after an assignment.</summary>
    public readonly H3Unit? Unit => _assigned ? null : _unit;

    /// <summary>The value as a reference to a record of <typeparamref name="TForm"/>, with the title H3Yun reported.</summary>
    /// <typeparam name="TForm">The associated form's generated class.</typeparam>
    /// <returns>The reference, or <see langword="null"/> when empty.</returns>
    public readonly H3Ref<TForm>? ToReference<TForm>()
        where TForm : H3BizObject =>
        Id is { Length: > 0 } id ? new H3Ref<TForm>(id, Unit?.Name) : (H3Ref<TForm>?)null;

    /// <summary>Sets the id, as the caller's change.</summary>
    /// <param name="id">The user's, department's or record's id.</param>
    public void Assign(string? id)
    {
        _text = id;
        _unit = null;
        _assigned = true;
    }

    /// <summary>Reads the field's own member: an id, a display name, or <c>{ObjectId, Name}</c>.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for errors.</param>
    public void Read(JsonElement value, string fieldCode)
    {
        _assigned = false;
        if (value.ValueKind == JsonValueKind.Object)
        {
            _unit = BizValueReader.ReadUnit(value, fieldCode);
            _text = _unit?.ObjectId;
        }
        else
        {
            _text = BizValueReader.ReadString(value, fieldCode);
        }
    }

    /// <summary>Reads the <c>…Object</c> companion H3Yun sends beside a field that it answers with a display name.</summary>
    /// <param name="value">The companion's value.</param>
    /// <param name="fieldCode">The companion's name, for errors.</param>
    public void ReadCompanion(JsonElement value, string fieldCode)
    {
        _assigned = false;
        _unit = BizValueReader.ReadUnit(value, fieldCode);
    }

    /// <summary>The id to send when the whole row is written again, or why it cannot be known.</summary>
    internal readonly bool TryGetStoredId(out string? id)
    {
        id = _assigned ? _text : _unit?.ObjectId ?? _text;
        return _assigned || _unit is not null || _text is null || IdText.LooksLikeId(_text);
    }
}

/// <summary>
/// The value of a several-people, several-departments or several-records field, read and written like
/// <see cref="UnitValue"/>. Used by generated code; not meant to be used by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct UnitListValue
{
    private IReadOnlyList<string>? _texts;
    private List<H3Unit>? _units;
    private IReadOnlyList<string>? _unitIds;
    private bool _assigned;

    /// <summary>The ids: as assigned, else as H3Yun reported them, else the texts H3Yun sent.</summary>
    public readonly IReadOnlyList<string>? Ids => _assigned ? _texts : _unitIds ?? _texts;

    /// <summary>The ids and names H3Yun reported on the last read; <see langword="null"/> after an assignment.</summary>
    public readonly IReadOnlyList<H3Unit>? Units => _assigned ? null : _units;

    /// <summary>The ids of references, for assigning a several-records field.</summary>
    /// <typeparam name="TForm">The associated form's generated class.</typeparam>
    /// <param name="references">The references.</param>
    /// <returns>Their ids, or <see langword="null"/>.</returns>
    public static IReadOnlyList<string>? IdsOf<TForm>(IEnumerable<H3Ref<TForm>>? references)
        where TForm : H3BizObject =>
        references?.Select(static r => r.ObjectId).ToArray();

    /// <summary>The values as references to records of <typeparamref name="TForm"/>, with the titles H3Yun reported.</summary>
    /// <typeparam name="TForm">The associated form's generated class.</typeparam>
    /// <returns>The references, or <see langword="null"/> when empty.</returns>
    public readonly IReadOnlyList<H3Ref<TForm>>? ToReferences<TForm>()
        where TForm : H3BizObject
    {
        if (Ids is not { } ids)
        {
            return null;
        }

        var units = Units;
        var references = new H3Ref<TForm>[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            references[i] = new H3Ref<TForm>(ids[i], units is not null && i < units.Count ? units[i].Name : null);
        }

        return references;
    }

    /// <summary>Sets the ids, as the caller's change.</summary>
    /// <param name="ids">The ids.</param>
    public void Assign(IReadOnlyList<string>? ids)
    {
        _texts = ids;
        _units = null;
        _unitIds = null;
        _assigned = true;
    }

    /// <summary>Reads the field's own member: an array of ids or objects, or a <c>;</c>-joined string.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="fieldCode">The field code, for errors.</param>
    public void Read(JsonElement value, string fieldCode)
    {
        _assigned = false;
        _texts = BizValueReader.ReadUnitListValue(value, fieldCode, out var units);
        if (units is not null)
        {
            SetUnits(units);
        }
    }

    /// <summary>Reads the <c>…Object</c> companion: the ids and names of the values.</summary>
    /// <param name="value">The companion's value.</param>
    /// <param name="fieldCode">The companion's name, for errors.</param>
    public void ReadCompanion(JsonElement value, string fieldCode)
    {
        _assigned = false;
        SetUnits(BizValueReader.ReadUnits(value, fieldCode));
    }

    /// <summary>The ids to send when the whole row is written again, or why they cannot be known.</summary>
    internal readonly bool TryGetStoredIds(out IReadOnlyList<string>? ids)
    {
        ids = Ids;
        return _assigned || _unitIds is not null || _texts is null || _texts.All(IdText.LooksLikeId);
    }

    private void SetUnits(List<H3Unit>? units)
    {
        _units = units;
        _unitIds = units?.ConvertAll(static unit => unit.ObjectId);
    }
}

/// <summary>What an id looks like, to tell it from a display name when H3Yun sends a bare text.</summary>
internal static class IdText
{
    /// <summary>H3Yun's ids of users, departments and records are GUIDs; no display name is one.</summary>
    public static bool LooksLikeId(string text) => Guid.TryParse(text, out _);
}
