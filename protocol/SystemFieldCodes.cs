using System;
using System.Collections.Generic;

namespace H3Yun.Protocol;

/// <summary>The fields H3Yun gives every record and every child-table row without a schema listing them.</summary>
/// <remarks>docs/protocol.md#system-fields.</remarks>
internal static class SystemFieldCodes
{
    public const string ObjectId = "ObjectId";
    public const string Name = "Name";
    public const string CreatedBy = "CreatedBy";
    public const string OwnerId = "OwnerId";
    public const string OwnerDeptId = "OwnerDeptId";
    public const string CreatedTime = "CreatedTime";
    public const string ModifiedBy = "ModifiedBy";
    public const string ModifiedTime = "ModifiedTime";
    public const string WorkflowInstanceId = "WorkflowInstanceId";
    public const string Status = "Status";
    public const string SeqNo = "SeqNo";
    public const string ParentObjectId = "ParentObjectId";

    /// <summary>H3Yun's bookkeeping member of a child row: its table (the child schema code).</summary>
    public const string ParentPropertyName = "ParentPropertyName";

    /// <summary>H3Yun's bookkeeping member of a child row: its 0-based position.</summary>
    public const string ParentIndex = "ParentIndex";

    /// <summary>H3Yun's bookkeeping column that exports list; never a member.</summary>
    public const string State = "State";

    /// <summary>What H3Yun appends to a people field's code for the member that holds its <c>{ObjectId, Name}</c>.</summary>
    public const string CompanionSuffix = "Object";

    /// <summary>A record's system fields, in the order H3Yun's reads list them.</summary>
    public static IReadOnlyList<string> OnRecord { get; } =
    [
        ObjectId, Name, CreatedBy, OwnerId, OwnerDeptId, CreatedTime, ModifiedBy, ModifiedTime, WorkflowInstanceId, Status, SeqNo,
    ];

    /// <summary>A child-table row's system fields.</summary>
    public static IReadOnlyList<string> OnRow { get; } = [ObjectId, Name, ParentObjectId];

    /// <summary>Members a row or an export may carry that are H3Yun's bookkeeping, never fields.</summary>
    public static IReadOnlyList<string> Bookkeeping { get; } = [State, ParentPropertyName, ParentIndex];

    /// <summary>The people fields: H3Yun reads them as a display name plus a <c>…Object</c> companion.</summary>
    public static IReadOnlyList<string> People { get; } = [CreatedBy, OwnerId, OwnerDeptId, ModifiedBy];

    /// <summary>The fields only the server sets: a client never writes them, and the server ignores them if sent.</summary>
    public static IReadOnlyList<string> ServerOwned { get; } =
        [ObjectId, CreatedTime, ModifiedTime, ModifiedBy, WorkflowInstanceId, Status, SeqNo];

    /// <summary>The date fields.</summary>
    public static IReadOnlyList<string> Dates { get; } = [CreatedTime, ModifiedTime];

    private static readonly HashSet<string> Every = new(Concat(OnRecord, OnRow, Bookkeeping), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> PeopleSet = new(People, StringComparer.Ordinal);

    private static readonly HashSet<string> ServerOwnedSet = new(ServerOwned, StringComparer.Ordinal);

    private static readonly HashSet<string> RecordSet = new(OnRecord, StringComparer.Ordinal);

    /// <summary>Whether a code is a system field or bookkeeping member (any case: H3Yun matches codes so).</summary>
    public static bool IsSystem(string code) => Every.Contains(code);

    /// <summary>Whether a code is a system field or a people field's companion, which every record accepts.</summary>
    public static bool IsSystemOrCompanion(string code) => IsSystem(code) || IsPeopleCompanion(code, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a code is one of a record's system fields (exact case).</summary>
    public static bool IsOnRecord(string code) => RecordSet.Contains(code);

    /// <summary>Whether a system field holds a user or department id.</summary>
    public static bool IsPeople(string code) => PeopleSet.Contains(code);

    /// <summary>Whether only the server sets the field.</summary>
    public static bool IsServerOwned(string code) => ServerOwnedSet.Contains(code);

    /// <summary>Whether a member is a people field's <c>…Object</c> companion, e.g. <c>CreatedByObject</c>.</summary>
    public static bool IsPeopleCompanion(string code, StringComparison comparison = StringComparison.Ordinal)
    {
        if (!code.EndsWith(CompanionSuffix, comparison))
        {
            return false;
        }

        var length = code.Length - CompanionSuffix.Length;
        foreach (var person in People)
        {
            if (person.Length == length && string.Compare(person, 0, code, 0, length, comparison) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Concat(params IReadOnlyList<string>[] lists)
    {
        foreach (var list in lists)
        {
            foreach (var code in list)
            {
                yield return code;
            }
        }
    }
}
