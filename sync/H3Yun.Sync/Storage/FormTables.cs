using H3Yun.Sync.Schema;

namespace H3Yun.Sync.Storage;

/// <summary>The tables one form is copied into: its own and one per child table.</summary>
/// <param name="Form">The form's schema.</param>
/// <param name="Main">The form's table.</param>
/// <param name="Children">Each child table with the field (the child's SchemaCode) its rows come under.</param>
internal sealed record FormTables(SyncForm Form, TableLayout Main, IReadOnlyList<(SyncChild Child, TableLayout Layout)> Children)
{
    /// <summary>Every table, the form's first.</summary>
    public IEnumerable<TableLayout> All => Children.Select(child => child.Layout).Prepend(Main);
}
