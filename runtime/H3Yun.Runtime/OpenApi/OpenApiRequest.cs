using System.Text;
using System.Text.Json;

namespace H3Yun.OpenApi;

/// <summary>
/// One call of <c>/OpenApi/Invoke</c>: the untyped API under the generated repositories. Make one with the factory
/// for its action; the records and the filter travel as JSON strings inside the body, as H3Yun requires.
/// </summary>
public sealed class OpenApiRequest
{
    private OpenApiRequest(string actionName, string schemaCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaCode);
        ActionName = actionName;
        SchemaCode = schemaCode;
    }

    /// <summary>The ActionName.</summary>
    public string ActionName { get; }

    /// <summary>The form's SchemaCode.</summary>
    public string SchemaCode { get; }

    /// <summary>The record id (<c>BizObjectId</c>), for the actions on one record.</summary>
    public string? BizObjectId { get; private init; }

    /// <summary>The filter, for LoadBizObjects.</summary>
    public Filter? Filter { get; private init; }

    /// <summary>Whether a create submits the record (<c>IsSubmit</c>); sent as a JSON boolean.</summary>
    public bool? IsSubmit { get; private init; }

    /// <summary>Whether the request may be sent again after a failure whose outcome is unknown.</summary>
    public bool IsIdempotent => OpenApiActions.IsIdempotent(ActionName);

    internal ReadOnlyMemory<byte>? BizObject { get; private init; }

    internal IReadOnlyList<ReadOnlyMemory<byte>>? BizObjectArray { get; private init; }

    /// <summary>LoadBizObject: one record by id.</summary>
    /// <param name="schemaCode">The form.</param>
    /// <param name="bizObjectId">The record id.</param>
    /// <returns>The request.</returns>
    public static OpenApiRequest LoadBizObject(string schemaCode, string bizObjectId) =>
        new(OpenApiActions.LoadBizObject, schemaCode) { BizObjectId = RequireId(bizObjectId) };

    /// <summary>LoadBizObjects: the records that match a filter, one window of up to 500 rows.</summary>
    /// <param name="schemaCode">The form.</param>
    /// <param name="filter">The filter; its window is checked now.</param>
    /// <returns>The request.</returns>
    public static OpenApiRequest LoadBizObjects(string schemaCode, Filter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        filter.Validate();
        return new(OpenApiActions.LoadBizObjects, schemaCode) { Filter = filter };
    }

    /// <summary>CreateBizObject from the JSON text of a record.</summary>
    /// <param name="schemaCode">The form.</param>
    /// <param name="bizObjectJson">A JSON object of field codes and values.</param>
    /// <param name="isSubmit"><see langword="true"/> creates effective data (or starts the workflow); <see langword="false"/> a draft.</param>
    /// <returns>The request.</returns>
    public static OpenApiRequest CreateBizObject(string schemaCode, string bizObjectJson, bool isSubmit) =>
        CreateBizObject(schemaCode, RecordUtf8(bizObjectJson, nameof(bizObjectJson)), isSubmit);

    /// <summary>CreateBizObjects from the JSON texts of several records.</summary>
    /// <param name="schemaCode">The form.</param>
    /// <param name="bizObjectJsons">One JSON object per record.</param>
    /// <param name="isSubmit">As for <see cref="CreateBizObject(string, string, bool)"/>.</param>
    /// <returns>The request.</returns>
    public static OpenApiRequest CreateBizObjects(string schemaCode, IEnumerable<string> bizObjectJsons, bool isSubmit)
    {
        ArgumentNullException.ThrowIfNull(bizObjectJsons);
        return CreateBizObjects(schemaCode, [.. bizObjectJsons.Select(json => RecordUtf8(json, nameof(bizObjectJsons)))], isSubmit);
    }

    /// <summary>UpdateBizObject: H3Yun changes exactly the fields present in the JSON.</summary>
    /// <param name="schemaCode">The form.</param>
    /// <param name="bizObjectId">The record id.</param>
    /// <param name="bizObjectJson">A JSON object of the field codes to change and their new values.</param>
    /// <returns>The request.</returns>
    public static OpenApiRequest UpdateBizObject(string schemaCode, string bizObjectId, string bizObjectJson) =>
        UpdateBizObject(schemaCode, bizObjectId, RecordUtf8(bizObjectJson, nameof(bizObjectJson)));

    /// <summary>RemoveBizObject: deletes one record.</summary>
    /// <param name="schemaCode">The form.</param>
    /// <param name="bizObjectId">The record id.</param>
    /// <returns>The request.</returns>
    public static OpenApiRequest RemoveBizObject(string schemaCode, string bizObjectId) =>
        new(OpenApiActions.RemoveBizObject, schemaCode) { BizObjectId = RequireId(bizObjectId) };

    internal static OpenApiRequest CreateBizObject(string schemaCode, ReadOnlyMemory<byte> bizObject, bool isSubmit) =>
        new(OpenApiActions.CreateBizObject, schemaCode) { BizObject = bizObject, IsSubmit = isSubmit };

    internal static OpenApiRequest CreateBizObjects(string schemaCode, IReadOnlyList<ReadOnlyMemory<byte>> bizObjects, bool isSubmit) =>
        new(OpenApiActions.CreateBizObjects, schemaCode) { BizObjectArray = bizObjects, IsSubmit = isSubmit };

    internal static OpenApiRequest UpdateBizObject(string schemaCode, string bizObjectId, ReadOnlyMemory<byte> bizObject) =>
        new(OpenApiActions.UpdateBizObject, schemaCode) { BizObjectId = RequireId(bizObjectId), BizObject = bizObject };

    private static string RequireId(string bizObjectId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bizObjectId);
        return bizObjectId;
    }

    private static ReadOnlyMemory<byte> RecordUtf8(string json, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(json, parameterName);
        var utf8 = Encoding.UTF8.GetBytes(json);
        try
        {
            using var document = JsonDocument.Parse(utf8);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException("A BizObject must be a JSON object of field codes and values.", parameterName);
            }
        }
        catch (JsonException error)
        {
            throw new ArgumentException($"A BizObject must be valid JSON: {error.Message}", parameterName, error);
        }

        return utf8;
    }
}
