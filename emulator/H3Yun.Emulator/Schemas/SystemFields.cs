using System;
using System.Collections.Generic;

namespace H3Yun.Emulator.Schemas;

/// <summary>The fields H3Yun gives every record and every child-table row.</summary>
internal static class SystemFields
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

    /// <summary>Read-only companions of the people fields; a client echoing a loaded record back may send them.</summary>
    public const string ObjectSuffix = "Object";

    /// <summary>Main-table system fields in the order reads list them.</summary>
    public static readonly IReadOnlyList<string> MainOrder =
    [
        ObjectId, Name, CreatedBy, OwnerId, OwnerDeptId, CreatedTime, ModifiedBy, ModifiedTime, WorkflowInstanceId, Status, SeqNo,
    ];

    /// <summary>Fields only the server sets; clients that send them are ignored, as H3Yun does.</summary>
    public static readonly IReadOnlySet<string> ServerOwned = new HashSet<string>(StringComparer.Ordinal)
    {
        ObjectId, CreatedTime, ModifiedTime, ModifiedBy, WorkflowInstanceId, Status, SeqNo,
    };

    /// <summary>Fields holding a user or department id, read back as a display name plus an <c>…Object</c> companion.</summary>
    public static readonly IReadOnlySet<string> People = new HashSet<string>(StringComparer.Ordinal)
    {
        CreatedBy, OwnerId, OwnerDeptId, ModifiedBy,
    };

    public static readonly IReadOnlySet<string> Dates = new HashSet<string>(StringComparer.Ordinal)
    {
        CreatedTime, ModifiedTime,
    };

    /// <summary>System members of a child-table row, plus H3Yun's bookkeeping columns a client might echo back.</summary>
    public static readonly IReadOnlySet<string> ChildRow = new HashSet<string>(StringComparer.Ordinal)
    {
        ObjectId, Name, ParentObjectId, "ParentPropertyName", "ParentIndex",
    };

    private static readonly HashSet<string> Main = new(MainOrder, StringComparer.Ordinal);

    public static bool IsMain(string code) => Main.Contains(code);

    public static bool IsPeopleCompanion(string code) =>
        code.EndsWith(ObjectSuffix, StringComparison.Ordinal) && People.Contains(code[..^ObjectSuffix.Length]);
}
