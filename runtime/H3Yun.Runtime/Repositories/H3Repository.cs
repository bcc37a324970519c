using System.Runtime.CompilerServices;

namespace H3Yun;

/// <summary>
/// Typed access to one H3Yun form. The generator derives a repository per form (<c>SalesOrderRepository</c>); each
/// method sends exactly one standard OpenApi action, except the batch and paging methods, which send several.
/// </summary>
/// <typeparam name="TForm">The generated record type.</typeparam>
public abstract partial class H3Repository<TForm>
    where TForm : H3BizObject
{
    /// <summary>Creates the repository.</summary>
    /// <param name="client">The client to send through.</param>
    /// <param name="form">The form's description, generated as <c>TForm.FormInfo</c>.</param>
    protected H3Repository(H3YunClient client, H3FormInfo<TForm> form)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
        Form = form ?? throw new ArgumentNullException(nameof(form));
        Attachments = new H3Attachments<TForm>(client, form);
    }

    /// <summary>The client requests go through.</summary>
    public H3YunClient Client { get; }

    /// <summary>The form this repository reads and writes.</summary>
    public H3FormInfo<TForm> Form { get; }

    /// <summary>Uploads and downloads of the form's attachment and image fields.</summary>
    public H3Attachments<TForm> Attachments { get; }

    /// <summary>
    /// Loads one record (LoadBizObject). H3Yun documents no answer for a record that does not exist: a
    /// <c>BizObject</c> that is null, absent or an empty object gives <see langword="null"/>; a <c>Successful: false</c>
    /// answer (some tenants say <c>业务对象不存在</c>) throws <see cref="H3YunApiException"/>, because the client cannot
    /// tell it from other refusals. To check whether a record exists whatever H3Yun answers, query it:
    /// <c>QueryAsync(Where.ObjectId.EqualTo(id))</c>.
    /// </summary>
    /// <param name="objectId">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, or <see langword="null"/> when H3Yun returned none.</returns>
    public Task<TForm?> LoadAsync(string objectId, CancellationToken cancellationToken = default) =>
        Client.InvokeAsync(
            OpenApiRequest.LoadBizObject(Form.SchemaCode, objectId),
            returnData =>
            {
                var record = ReturnDataReader.ReadRecord(returnData, Form.CreateRecord);
                Counted(OpenApiActions.LoadBizObject, record is null ? 0 : 1, read: true);
                return record;
            },
            cancellationToken);

    /// <summary>
    /// Creates one record (CreateBizObject) from the fields assigned on <paramref name="item"/>, and nothing else.
    /// On success the item takes the new <see cref="H3BizObject.ObjectId"/> and forgets the changes that were sent.
    /// </summary>
    /// <param name="item">The record to create.</param>
    /// <param name="submit"><see langword="true"/> (the default) creates effective data, or starts the workflow; <see langword="false"/> creates a draft.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new record's id and workflow instance.</returns>
    /// <exception cref="H3YunException">The create failed; <see cref="H3YunException.Outcome"/> says whether the record may exist.</exception>
    public async Task<CreatedRecord> CreateAsync(TForm item, bool submit = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var capture = new WriteCapture();
        var request = OpenApiRequest.CreateBizObject(Form.SchemaCode, Serialize(item, WritePurpose.Create, capture, objectId: null), submit);
        var created = await Client.InvokeAsync(request, ReturnDataReader.ReadCreated, cancellationToken).ConfigureAwait(false);
        capture.Accept();
        Counted(request.ActionName, 1, read: false);
        item.OnCreated(created.ObjectId, created.WorkflowInstanceId);
        return created;
    }

    /// <summary>
    /// Creates several records (CreateBizObjects), in requests of at most
    /// <see cref="H3YunClientOptions.CreateBatchSize"/> records, each from its assigned fields only. Each created item
    /// takes its new <see cref="H3BizObject.ObjectId"/> when H3Yun reports the ids (its reply is undocumented).
    /// </summary>
    /// <param name="items">The records to create.</param>
    /// <param name="submit">As for <see cref="CreateAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the calls; a cancellation reports what was created.</param>
    /// <returns>One result per item, in input order.</returns>
    /// <exception cref="H3YunBatchException">A request failed; it says, per item, created, not created or unknown.</exception>
    /// <exception cref="H3YunBatchCanceledException">The batch was cancelled; it says the same.</exception>
    public async Task<IReadOnlyList<BatchItemResult>> CreateManyAsync(IEnumerable<TForm> items, bool submit = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var all = items.ToList();
        if (all.Exists(static item => item is null))
        {
            throw new ArgumentException("The items to create cannot contain null.", nameof(items));
        }

        var results = new BatchItemResult[all.Count];
        var batchSize = Client.Settings.CreateBatchSize;
        for (var start = 0; start < all.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, all.Count - start);
            var captures = new WriteCapture[count];
            var bodies = new ReadOnlyMemory<byte>[count];
            for (var i = 0; i < count; i++)
            {
                captures[i] = new WriteCapture();
                bodies[i] = Serialize(all[start + i], WritePurpose.Create, captures[i], objectId: null);
            }

            var request = OpenApiRequest.CreateBizObjects(Form.SchemaCode, bodies, submit);
            try
            {
                var ids = await Client.InvokeAsync(request, ReturnDataReader.ReadCreatedIds, cancellationToken).ConfigureAwait(false);
                if (ids.Count != 0 && ids.Count != count)
                {
                    throw new H3YunProtocolException(
                        request.ActionName,
                        Form.SchemaCode,
                        $"H3Yun reported {ids.Count} ids for the {count} records sent, so which of them it created is unknown.",
                        outcome: WriteOutcome.Unknown);
                }

                for (var i = 0; i < count; i++)
                {
                    var id = ids.Count == count ? ids[i] : null;
                    captures[i].Accept();
                    all[start + i].OnCreated(id, workflowInstanceId: null);
                    results[start + i] = new BatchItemResult(start + i, WriteOutcome.Applied, id);
                }

                Counted(request.ActionName, count, read: false);
            }
            catch (H3YunException failure)
            {
                if (failure.Outcome == WriteOutcome.Applied)
                {
                    Array.ForEach(captures, static capture => capture.Accept());
                }

                throw new H3YunBatchException(request.ActionName, Form.SchemaCode, Report(results, start, count, failure.Outcome), failure);
            }
            catch (H3YunCanceledException cancelled)
            {
                throw new H3YunBatchCanceledException(
                    request.ActionName, Form.SchemaCode, Report(results, start, count, cancelled.Outcome), cancelled.CancellationToken, cancelled);
            }
        }

        return results;
    }

    /// <summary>
    /// Updates a loaded record (UpdateBizObject), sending only the fields assigned since it was loaded, and a child
    /// table whole when it changed. Nothing is sent when nothing was assigned. On success the item forgets the changes
    /// that were sent.
    /// </summary>
    /// <param name="item">A record that has an <see cref="H3BizObject.ObjectId"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when H3Yun has applied the update.</returns>
    /// <exception cref="InvalidOperationException">A changed child table was not loaded, or a row value's id is unknown; nothing was sent.</exception>
    public Task UpdateAsync(TForm item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return string.IsNullOrEmpty(item.ObjectId)
            ? throw new ArgumentException("The record has no ObjectId. Load it first, or call UpdateAsync(objectId, changes).", nameof(item))
            : UpdateAsync(item.ObjectId, item, cancellationToken);
    }

    /// <summary>
    /// Updates the record <paramref name="objectId"/> (UpdateBizObject) with the fields assigned on
    /// <paramref name="changes"/>, and nothing else. Assign <see langword="null"/> to clear a field on purpose. Child
    /// tables of such a record were not loaded: set one whole (<c>changes.Lines = rows</c>) to replace it.
    /// </summary>
    /// <param name="objectId">The record's id.</param>
    /// <param name="changes">A record whose assigned fields are the changes, e.g. <c>new SalesOrder { Amount = 5m }</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when H3Yun has applied the update.</returns>
    /// <exception cref="InvalidOperationException">A changed child table was not loaded, or a row value's id is unknown; nothing was sent.</exception>
    public async Task UpdateAsync(string objectId, TForm changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentException.ThrowIfNullOrWhiteSpace(objectId);
        if (!changes.HasChanges)
        {
            return;
        }

        var capture = new WriteCapture();
        var request = OpenApiRequest.UpdateBizObject(Form.SchemaCode, objectId, Serialize(changes, WritePurpose.Update, capture, objectId));
        await Client.InvokeAsync(request, static _ => true, cancellationToken).ConfigureAwait(false);
        capture.Accept();
        Counted(request.ActionName, 1, read: false);
    }

    /// <summary>Deletes one record (RemoveBizObject).</summary>
    /// <param name="objectId">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when H3Yun has deleted the record.</returns>
    public async Task DeleteAsync(string objectId, CancellationToken cancellationToken = default)
    {
        await Client.InvokeAsync(OpenApiRequest.RemoveBizObject(Form.SchemaCode, objectId), static _ => true, cancellationToken).ConfigureAwait(false);
        Counted(OpenApiActions.RemoveBizObject, 1, read: false);
    }

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
        int? total = null;
        var previous = PagingWindow<TForm>.None;
        for (var from = query.FromRowNum; total is null || from < total; from += pageSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var filter = query.ToFilter(from, from + pageSize);
            var window = await Client.InvokeAsync(
                OpenApiRequest.LoadBizObjects(Form.SchemaCode, filter),
                returnData =>
                {
                    var page = ReadWindow(filter, returnData);
                    return new PagingWindow<TForm>(page, Paging.Fingerprint(returnData, page));
                },
                cancellationToken).ConfigureAwait(false);
            Paging.CheckWindowHonoured(Form.SchemaCode, window, previous);
            var page = window.Page;
            total = page.TotalCount ?? total;
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (page.IsLastPage)
            {
                yield break;
            }

            previous = window;
        }
    }

    private ReadOnlyMemory<byte> Serialize(TForm item, WritePurpose purpose, WriteCapture capture, string? objectId) =>
        OpenApiRequestWriter.Serialize(item, purpose, Client.Settings.TimeZone, capture, objectId);

    // The items before the failing batch were created (their results are set), the batch has the failure's outcome, the rest were never sent.
    private static BatchItemResult[] Report(BatchItemResult[] results, int start, int count, WriteOutcome failedBatch)
    {
        for (var i = start; i < results.Length; i++)
        {
            results[i] = new BatchItemResult(i, i < start + count ? failedBatch : WriteOutcome.NotApplied, null);
        }

        return results;
    }

    private Task<QueryPage<TForm>> LoadWindowAsync(Filter filter, CancellationToken cancellationToken) =>
        Client.InvokeAsync(OpenApiRequest.LoadBizObjects(Form.SchemaCode, filter), returnData => ReadWindow(filter, returnData), cancellationToken);

    private QueryPage<TForm> ReadWindow(Filter filter, System.Text.Json.JsonElement returnData)
    {
        var (items, total) = ReturnDataReader.ReadRecords(returnData, Form.CreateRecord);
        Counted(OpenApiActions.LoadBizObjects, items.Count, read: true);
        return new QueryPage<TForm>(items, filter.FromRowNum, filter.ToRowNum, total);
    }

    private void Counted(string actionName, int records, bool read)
    {
        var call = new CallInfo(actionName, Form.SchemaCode, read);
        if (read)
        {
            H3YunTelemetry.Read(call, records);
        }
        else
        {
            H3YunTelemetry.Written(call, records);
        }
    }
}
