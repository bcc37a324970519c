using System;
using System.Collections.Generic;
using System.Linq;
using H3Yun.Protocol;

namespace H3Yun.Generators.Model;

/// <summary>A system field as generated code offers it (its codes and their roles are <see cref="SystemFieldCodes"/>).</summary>
/// <param name="Code">The field code, which is also the runtime's property name.</param>
/// <param name="Handle">The query handle the generated <c>Where</c> class offers, or null when it offers none.</param>
/// <param name="Summary">The handle's XML doc.</param>
internal sealed record SystemField(string Code, string? Handle, string Summary);

/// <summary>The system fields, for the parser, the namer, the emitter, the binder and the analyzer.</summary>
internal static class SystemFields
{
    public const string CompanionSuffix = SystemFieldCodes.CompanionSuffix;

    /// <summary>The query handles of a record's system fields, in the order H3Yun lists them.</summary>
    public static readonly SystemField[] Handles =
    [
        new(SystemFieldCodes.ObjectId, "IdField", "The record id"),
        new(SystemFieldCodes.Name, "TextField", "The record title"),
        new(SystemFieldCodes.CreatedBy, "IdField", "The creator's user id"),
        new(SystemFieldCodes.OwnerId, "IdField", "The owner's user id"),
        new(SystemFieldCodes.OwnerDeptId, "IdField", "The owning department's id"),
        new(SystemFieldCodes.CreatedTime, "DateField", "When the record was created"),
        new(SystemFieldCodes.ModifiedTime, "DateField", "When the record was changed last"),
        new(SystemFieldCodes.Status, "StatusField", "The record's state"),
        new(SystemFieldCodes.SeqNo, "TextField", "The serial number"),
    ];

    /// <summary>Whether a schema property is a system field, which the parser skips (H3Yun matches codes in any case).</summary>
    public static bool IsSystemCode(string code) => SystemFieldCodes.IsSystem(code);

    /// <summary>Whether a code names a system field or a companion H3Yun adds, which every record accepts.</summary>
    public static bool IsSystemMember(string code) => SystemFieldCodes.IsSystemOrCompanion(code);

    /// <summary>The properties <c>H3BizObject</c> declares for them, companions included.</summary>
    public static IEnumerable<string> RecordProperties =>
        SystemFieldCodes.OnRecord.SelectMany(static code => SystemFieldCodes.IsPeople(code) ? [code, code + CompanionSuffix] : new[] { code });

    /// <summary>The properties <c>H3ChildRow</c> declares for them.</summary>
    public static IEnumerable<string> RowProperties => SystemFieldCodes.OnRow;
}
