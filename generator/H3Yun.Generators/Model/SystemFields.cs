using System;
using System.Collections.Generic;
using System.Linq;

namespace H3Yun.Generators.Model;

/// <summary>A field H3Yun gives every record or child-table row without the schema listing it.</summary>
/// <param name="Code">The field code, which is also the runtime's property name.</param>
/// <param name="Handle">The query handle the generated <c>Where</c> class offers, or null when it offers none.</param>
/// <param name="Summary">The handle's XML doc.</param>
/// <param name="OnRecord">Whether <c>H3BizObject</c> has it as a property.</param>
/// <param name="OnRow">Whether <c>H3ChildRow</c> has it as a property.</param>
/// <param name="HasCompanion">Whether H3Yun adds a <c>&lt;Code&gt;Object</c> member with the id and name (people fields).</param>
internal sealed record SystemField(string Code, string? Handle, string Summary, bool OnRecord, bool OnRow, bool HasCompanion);

/// <summary>The system fields, defined once for the parser, the namer, the emitter, the binder and the analyzer.</summary>
internal static class SystemFields
{
    public const string CompanionSuffix = "Object";

    public static readonly SystemField[] All =
    [
        new("ObjectId", "IdField", "The record id", OnRecord: true, OnRow: true, HasCompanion: false),
        new("Name", "TextField", "The record title", OnRecord: true, OnRow: true, HasCompanion: false),
        new("CreatedBy", "IdField", "The creator's user id", OnRecord: true, OnRow: false, HasCompanion: true),
        new("OwnerId", "IdField", "The owner's user id", OnRecord: true, OnRow: false, HasCompanion: true),
        new("OwnerDeptId", "IdField", "The owning department's id", OnRecord: true, OnRow: false, HasCompanion: true),
        new("CreatedTime", "DateField", "When the record was created", OnRecord: true, OnRow: false, HasCompanion: false),
        new("ModifiedBy", null, "Who changed the record last", OnRecord: true, OnRow: false, HasCompanion: true),
        new("ModifiedTime", "DateField", "When the record was changed last", OnRecord: true, OnRow: false, HasCompanion: false),
        new("WorkflowInstanceId", null, "The workflow instance", OnRecord: true, OnRow: false, HasCompanion: false),
        new("Status", "StatusField", "The record's state", OnRecord: true, OnRow: false, HasCompanion: false),
        new("SeqNo", "TextField", "The serial number", OnRecord: true, OnRow: false, HasCompanion: false),
        new("ParentObjectId", null, "The row's parent record", OnRecord: false, OnRow: true, HasCompanion: false),
        // H3Yun's bookkeeping columns: exports list them, the OpenApi may echo them; they are skipped, never members.
        new("State", null, "The record's state column", OnRecord: false, OnRow: false, HasCompanion: false),
        new("ParentPropertyName", null, "The row's child table", OnRecord: false, OnRow: false, HasCompanion: false),
        new("ParentIndex", null, "The row's position", OnRecord: false, OnRow: false, HasCompanion: false),
    ];

    private static readonly HashSet<string> Codes = new(All.Select(static f => f.Code), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> CodesAndCompanions = new(
        All.Select(static f => f.Code).Concat(All.Where(static f => f.HasCompanion).Select(static f => f.Code + CompanionSuffix)),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a schema property is a system field, which the parser skips (H3Yun matches codes in any case).</summary>
    public static bool IsSystemCode(string code) => Codes.Contains(code);

    /// <summary>Whether a code names a system field or a companion H3Yun adds, which every record accepts.</summary>
    public static bool IsSystemMember(string code) => CodesAndCompanions.Contains(code);

    /// <summary>The properties <c>H3BizObject</c> declares for them, companions included.</summary>
    public static IEnumerable<string> RecordProperties =>
        All.Where(static f => f.OnRecord).SelectMany(static f => f.HasCompanion ? [f.Code, f.Code + CompanionSuffix] : new[] { f.Code });

    /// <summary>The properties <c>H3ChildRow</c> declares for them.</summary>
    public static IEnumerable<string> RowProperties => All.Where(static f => f.OnRow).Select(static f => f.Code);
}
