using System.Collections.ObjectModel;

namespace H3Yun;

/// <summary>
/// The rows of a child table on a record. It notices when rows are added, removed or changed, so that an update
/// sends the table (which H3Yun may replace as a whole) exactly when it changed.
/// </summary>
/// <remarks>
/// A table that was not loaded (a query whose Select left it out, or a record made with <c>new</c> for
/// <c>UpdateAsync(objectId, changes)</c>) cannot be updated by adding rows: that would replace the stored rows with
/// the added ones. Assigning the table, <see cref="ReplaceWith"/> or <see cref="Collection{T}.Clear"/> says the rows
/// given are the whole table.
/// </remarks>
/// <typeparam name="TRow">The generated row type.</typeparam>
public sealed class H3ChildTable<TRow> : Collection<TRow>
    where TRow : H3ChildRow
{
    private bool _modified;
    private int _version;

    /// <summary>Whether rows were added, removed, replaced or changed since the table was loaded or last written.</summary>
    public bool HasChanges => _modified || this.Any(static row => row.HasChanges);

    /// <summary>Whether the caller said the rows are the whole table (<see cref="ReplaceWith"/>, <c>Clear()</c>), loaded or not.</summary>
    internal bool IsDeclaredWhole { get; private set; }

    /// <summary>Forgets the changes, as after a successful write.</summary>
    public void AcceptChanges()
    {
        _modified = false;
        foreach (var row in this)
        {
            row.AcceptChanges();
        }
    }

    /// <summary>Replaces every row with <paramref name="rows"/>, as a change, saying that they are the whole table.</summary>
    /// <param name="rows">The new rows.</param>
    public void ReplaceWith(IEnumerable<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var copy = rows.ToList();
        if (copy.Exists(static row => row is null))
        {
            throw new ArgumentException("A child table cannot hold a null row.", nameof(rows));
        }

        Items.Clear();
        foreach (var row in copy)
        {
            Items.Add(row);
        }

        IsDeclaredWhole = true;
        Changed();
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
        _version++;
    }

    /// <summary>What a write of the table sends; accepting it forgets the table's own changes unless it changed again since.</summary>
    internal Action Capture()
    {
        var version = _version;
        return () =>
        {
            if (_version == version)
            {
                _modified = false;
            }
        };
    }

    /// <inheritdoc/>
    protected override void InsertItem(int index, TRow item)
    {
        ArgumentNullException.ThrowIfNull(item);
        base.InsertItem(index, item);
        Changed();
    }

    /// <inheritdoc/>
    protected override void SetItem(int index, TRow item)
    {
        ArgumentNullException.ThrowIfNull(item);
        base.SetItem(index, item);
        Changed();
    }

    /// <inheritdoc/>
    protected override void RemoveItem(int index)
    {
        base.RemoveItem(index);
        Changed();
    }

    /// <inheritdoc/>
    protected override void ClearItems()
    {
        base.ClearItems();
        IsDeclaredWhole = true;
        Changed();
    }

    private void Changed()
    {
        _modified = true;
        _version++;
    }
}
