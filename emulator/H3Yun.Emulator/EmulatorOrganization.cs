namespace H3Yun.Emulator;

/// <summary>
/// The emulator's fake organisation: one user and one department. Records default to them as creator, owner and
/// owning department, and reads show their names the way H3Yun shows display names.
/// </summary>
public static class EmulatorOrganization
{
    /// <summary>The ObjectId of the only user, the administrator.</summary>
    public const string AdminUserId = "00000000-0000-4000-8000-0000000000a1";

    /// <summary>The display name of <see cref="AdminUserId"/>.</summary>
    public const string AdminUserName = "管理员";

    /// <summary>The ObjectId of the only department.</summary>
    public const string DepartmentId = "00000000-0000-4000-8000-0000000000d1";

    /// <summary>The display name of <see cref="DepartmentId"/>.</summary>
    public const string DepartmentName = "总部";

    /// <summary>The display name H3Yun would show for a user or department id: the known name, else the id itself.</summary>
    /// <param name="id">A user or department ObjectId.</param>
    /// <returns>The display name.</returns>
    public static string DisplayNameOf(string id) => id switch
    {
        AdminUserId => AdminUserName,
        DepartmentId => DepartmentName,
        _ => id,
    };
}
