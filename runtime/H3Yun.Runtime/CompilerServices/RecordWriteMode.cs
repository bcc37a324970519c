namespace H3Yun.CompilerServices;

/// <summary>Which fields a write of a record includes.</summary>
public enum RecordWriteMode
{
    /// <summary>Only the fields the caller assigned: creates and updates of a form record.</summary>
    Assigned,

    /// <summary>Every field that has a value, loaded or assigned: child-table rows, which H3Yun replaces as a whole.</summary>
    Present,
}
