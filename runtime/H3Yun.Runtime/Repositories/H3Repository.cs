using System.Runtime.CompilerServices;

namespace H3Yun;

/// <summary>
/// Typed access to one H3Yun form. The generator derives a repository per form (<c>SalesOrderRepository</c>); each
/// method sends exactly one standard OpenApi action, except the batch and paging methods, which send several.
/// </summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
public abstract class H3Repository<TForm>
    where TForm : H3BizObject
{
    /// <summary>Creates the repository.</summary>
    /// <param name="client">The client to send through.</param>
    /// <param name="form">The form's description, generated as <c>TForm.FormInfo</c>.</param>
    protected H3Repository(H3YunClient client, H3FormInfo<TForm> form)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
        Form = form ?? throw new ArgumentNullException(nameof(form));
    }

    /// <summary>The client requests go through.</summary>
    public H3YunClient Client { get; }

    /// <summary>The form this repository reads and writes.</summary>
    public H3FormInfo<TForm> Form { get; }

    /// <summary>Loads one record (LoadBizObject).</summary>
    /// <param name="objectId">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, or <see langword="null"/> when H3Yun returned none.</returns>
    public Task<TForm?> LoadAsync(string objectId, CancellationToken cancellationToken = default) =>
        Client.InvokeAsync(
            OpenApiRequest.LoadBizObject(Form.SchemaCode, objectId),
            returnData => ReturnDataReader.ReadRecord(returnData, Form.CreateRecord),
            cancellationToken);

    /// <summary>
    /// Creates one record (CreateBizObject) from the fields assigned on <paramref name="item"/>, and nothing else.
    /// On success the item takes the new <see cref="H3BizObject.ObjectId"/> and forgets its changes.
    /// </summary>
    /// <param name="item">The record to create.</param>
    /// <param name="submit"><see langword="true"/> (the default) creates effective data, or starts the workflow; <see langword="false"/> creates a draft.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new record's id and workflow instance.</returns>
    public async Task<CreatedRecord> CreateAsync(TForm item, bool submit = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var request = OpenApiRequest.CreateBizObject(Form.SchemaCode, OpenApiRequestWriter.Serialize(item, RecordWriteMode.Assigned), submit);
        var created = await Client.InvokeAsync(request, ReturnDataReader.ReadCreated, cancellationToken).ConfigureAwait(false);
        item.OnCreated(created.ObjectId, created.WorkflowInstanceId);
        return created;
    }

    /// <summary>
    /// Creates several records (CreateBizObjects), in requests of at most
    /// <see cref="H3YunClientOptions.CreateBatchSize"/> records, each from its assigned fields only.
    /// </summary>
    /// <param name="items">The records to create.</param>
    /// <param name="submit">As for <see cref="CreateAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the calls not yet sent.</param>
    /// <returns>The new ids in order, as far as H3Yun reports them (it does not document its reply; the list may be empty).</returns>
    /// <exception cref="H3YunBatchException">A request after the first failed; it says which items were created.</exception>
    public async Task<IReadOnlyList<string>> CreateManyAsync(IEnumerable<TForm> items, bool submit = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var all = items.ToList();
        if (all.Exists(static item => item is null))
        {
            throw new ArgumentException("The items to create cannot contain null.", nameof(items));
        }

        var ids = new List<string>(all.Count);
        var batchSize = Client.Options.CreateBatchSize;
        for (var start = 0; start < all.Count; start += batchSize)
        {
            var batch = all.GetRange(start, Math.Min(batchSize, all.Count - start));
            var request = OpenApiRequest.CreateBizObjects(
                Form.SchemaCode, [.. batch.Select(static item => OpenApiRequestWriter.Serialize(item, RecordWriteMode.Assigned))], submit);
            try
            {
                ids.AddRange(await Client.InvokeAsync(request, ReturnDataReader.ReadCreatedIds, cancellationToken).ConfigureAwait(false));
            }
            catch (H3YunException failure) when (start > 0)
            {
                throw new H3YunBatchException(request.ActionName, Form.SchemaCode, start, ids, all.Count, failure);
            }

            foreach (var item in batch)
            {
                item.AcceptChanges();
            }
        }

        return ids;
    }

    /// <summary>
    /// Updates a loaded record (UpdateBizObject), sending only the fields assigned since it was loaded. Nothing is
    /// sent when nothing was assigned. On success the item forgets its changes.
    /// </summary>
    /// <param name="item">A record that has an <see cref="H3BizObject.ObjectId"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when H3Yun has applied the update.</returns>
    public Task UpdateAsync(TForm item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return string.IsNullOrEmpty(item.ObjectId)
            ? throw new ArgumentException("The record has no ObjectId. Load it first, or call UpdateAsync(objectId, changes).", nameof(item))
            : UpdateAsync(item.ObjectId, item, cancellationToken);
    }

    /// <summary>
    /// Updates the record <paramref name="objectId"/> (UpdateBizObject) with the fields assigned on
    /// <paramref name="changes"/>, and nothing else. Assign <see langword="null"/> to clear a field on purpose.
    /// </summary>
    /// <param name="objectId">The record's id.</param>
    /// <param name="changes">A record whose assigned fields are the changes, e.g. <c>new SalesOrder { Amount = 5m }</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when H3Yun has applied the update.</returns>
    public async Task UpdateAsync(string objectId, TForm changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (!changes.HasChanges)
        {
            return;
        }

        var request = OpenApiRequest.UpdateBizObject(Form.SchemaCode, objectId, OpenApiRequestWriter.Serialize(changes, RecordWriteMode.Assigned));
        await Client.InvokeAsync(request, static _ => true, cancellationToken).ConfigureAwait(false);
        changes.AcceptChanges();
    }

    /// <summary>Deletes one record (RemoveBizObject).</summary>
    /// <param name="objectId">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when H3Yun has deleted the record.</returns>
    public Task DeleteAsync(string objectId, CancellationToken cancellationToken = default) =>
        Client.InvokeAsync(OpenApiRequest.RemoveBizObject(Form.SchemaCode, objectId), static _ => true, cancellationToken);

    /// <summary>Loads the first window of up to 500 records matching <paramref name="where"/> (LoadBizObjects).</summary>
    /// <param name="where">The condition, from <c>TForm.Where</c>; <see langword="null"/> matches every record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The window.</returns>
    public Task<QueryPage<TForm>> QueryAsync(Condition<TForm>? where = null, CancellationToken cancellationToken = default) =>
        QueryAsync(new H3Query<TForm> { Where = where }, cancellationToken);

    /// <summary>Loads one window of records (LoadBizObjects).</summary>
    /// <param name="query">The condition, window, count, fields and sort.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The window.</returns>
    public Task<QueryPage<TForm>> QueryAsync(H3Query<TForm> query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return LoadWindowAsync(query.ToFilter(), cancellationToken);
    }

    /// <summary>
    /// Enumerates every record matching <paramref name="where"/>, loading windows of <paramref name="pageSize"/>
    /// lazily as the enumeration proceeds, and stopping after the first short window. Each window is one request
    /// under the client's rate limit; cancelling stops before the next request.
    /// </summary>
    /// <param name="where">The condition; <see langword="null"/> matches every record.</param>
    /// <param name="pageSize">Rows per request, 1 to 500.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The records, in window order.</returns>
    public IAsyncEnumerable<TForm> QueryAllAsync(Condition<TForm>? where = null, int pageSize = Filter.MaxPageSize, CancellationToken cancellationToken = default) =>
        QueryAllAsync(new H3Query<TForm> { Where = where, ToRowNum = pageSize }, cancellationToken);

    /// <summary>
    /// Enumerates every record of <paramref name="query"/> from its <see cref="H3Query{TForm}.FromRowNum"/> on, in
    /// windows as large as the query's, stopping after the first short window.
    /// </summary>
    /// <param name="query">The condition, the first window, the fields and the sort.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The records, in window order.</returns>
    public IAsyncEnumerable<TForm> QueryAllAsync(H3Query<TForm> query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.ToFilter().Validate();
        return EnumerateAsync(query, cancellationToken);
    }

    private async IAsyncEnumerable<TForm> EnumerateAsync(H3Query<TForm> query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageSize = query.ToRowNum - query.FromRowNum;
        for (var from = query.FromRowNum; ; from += pageSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await LoadWindowAsync(query.ToFilter(from, from + pageSize), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (page.IsLastPage)
            {
                yield break;
            }
        }
    }

    private Task<QueryPage<TForm>> LoadWindowAsync(Filter filter, CancellationToken cancellationToken) =>
        Client.InvokeAsync(
            OpenApiRequest.LoadBizObjects(Form.SchemaCode, filter),
            returnData =>
            {
                var (items, total) = ReturnDataReader.ReadRecords(returnData, Form.CreateRecord);
                return new QueryPage<TForm>(items, filter.FromRowNum, filter.ToRowNum, total);
            },
            cancellationToken);
}
