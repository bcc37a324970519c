using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using H3Yun.Emulator.Protocol;
using H3Yun.Emulator.Schemas;
using H3Yun.Emulator.Storage;

namespace H3Yun.Emulator.Actions;

/// <summary>Runs the six public ActionNames of H3Yun's OpenApi; any other ActionName calls a custom API.</summary>
internal sealed class InvokeDispatcher(RecordStore store, SchemaRegistry schemas, EmulatorSettings settings, CustomApis.CustomApiDispatcher customApis)
{
    private readonly ReadActions _reads = new(store, settings);
    private readonly WriteActions _writes = new(store, new RecordWriter(settings), settings);

    /// <summary>The <c>ReturnData</c> of a successful call; refusals are thrown as <see cref="H3RequestException"/>.</summary>
    public ValueTask<JsonNode?> InvokeAsync(string body, CancellationToken cancellationToken)
    {
        var request = InvokeRequest.Parse(body);
        var actionName = request.ActionName;
        if (string.IsNullOrWhiteSpace(actionName))
        {
            throw new H3RequestException("缺少参数 ActionName / missing ActionName");
        }

        if (!CustomApiCollection.IsReserved(actionName))
        {
            return customApis.InvokeAsync(request.Body, actionName, cancellationToken);
        }

        var schemaCode = request.RequireSchemaCode();
        if (schemas.FindChildTable(schemaCode) is { } child)
        {
            return ValueTask.FromResult<JsonNode?>(actionName == OpenApiNames.LoadBizObject
                ? _reads.LoadChildRow(request, child.Parent, child.Table)
                : throw new H3RequestException($"{schemaCode} 是子表 / {schemaCode} is a child table of form {child.Parent.Describe()}: only LoadBizObject reads one of its rows on its own; write rows through the form's {actionName}"));
        }

        var form = schemas.Resolve(schemaCode);
        return ValueTask.FromResult<JsonNode?>(actionName switch
        {
            OpenApiNames.LoadBizObject => _reads.LoadBizObject(request, schemaCode, form),
            OpenApiNames.LoadBizObjects => _reads.LoadBizObjects(request, schemaCode, form),
            OpenApiNames.CreateBizObject => _writes.CreateBizObject(request, schemaCode, form),
            OpenApiNames.CreateBizObjects => _writes.CreateBizObjects(request, schemaCode, form),
            OpenApiNames.UpdateBizObject => _writes.UpdateBizObject(request, schemaCode, form),
            _ => _writes.RemoveBizObject(request, schemaCode),
        });
    }
}
