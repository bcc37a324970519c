using System.Collections.ObjectModel;

namespace H3Yun;

/// <summary>
/// The rows of a child table on a record. It notices when rows are added, removed or changed, so that an update
/// sends the table (which H3Yun replaces as a whole) exactly when it changed.
/// </summary>
/// <typeparam name="TRow">The generated row type.</typeparam>
public sealed class H3ChildTable<TRow> : Collection<TRow>
    where TRow : H3ChildRow
{
    private bool _modified;

    /// <summary>Whether rows were added, removed, replaced or changed since the table was loaded or last written.</summary>
    public bool HasChanges => _modified || this.Any(static row => row.HasChanges);

    /// <summary>Forgets the changes, as after a successful write.</summary>
    public void AcceptChanges()
    {
        _modified = false;
        foreach (var row in this)
        {
            row.AcceptChanges();
        }
    }

    /// <summary>Replaces every row with <paramref name="rows"/>, as a change.</summary>
    /// <param name="rows">The new rows.</param>
    public void ReplaceWith(IEnumerable<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var copy = rows.ToList();
        Items.Clear();
        foreach (var row in copy)
        {
            Items.Add(row ?? throw new ArgumentException("A child table cannot hold a null row.", nameof(rows)));
        }

        _modified = true;
    }

    /// <summary>Fills the table with rows read from H3Yun, which are not changes.</summary>
    /// <param name="rows">The rows H3Yun sent.</param>
    internal void Load(IEnumerable<TRow> rows)
    {
        Items.Clear();
        foreach (var row in rows)
        {
            Items.Add(row);
        }

        _modified = false;
    }

    /// <inheritdoc/>
    protected override void InsertItem(int index, TRow item)
    {
        ArgumentNullException.ThrowIfNull(item);
        base.InsertItem(index, item);
        _modified = true;
    }

    /// <inheritdoc/>
    protected override void SetItem(int index, TRow item)
    {
        ArgumentNullException.ThrowIfNull(item);
        base.SetItem(index, item);
        _modified = true;
    }

    /// <inheritdoc/>
    protected override void RemoveItem(int index)
    {
        base.RemoveItem(index);
        _modified = true;
    }

    /// <inheritdoc/>
    protected override void ClearItems()
    {
        base.ClearItems();
        _modified = true;
    }
}
