using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using H3Yun.Emulator.Actions;
using H3Yun.Emulator.Hosting;
using H3Yun.Emulator.Schemas;
using Microsoft.AspNetCore.Http;

namespace H3Yun.Emulator.WebPage;

/// <summary>
/// The emulator's web page, rendered on the server with no script and no build step: <c>/</c> lists the forms,
/// the fault queue and the request log (secret masked, with each envelope and answer); <c>/forms/{SchemaCode}</c>
/// shows a form's fields and its records, paged, with their child rows, as LoadBizObject reads them: columns headed
/// by the fields' names (codes in a tooltip and small text), the form's own fields before the system fields, times
/// with their zone, and a search box (<c>?q=</c>, a plain GET form) that keeps the records holding the text.
/// </summary>
internal sealed class EmulatorPage(EmulatorServices services)
{
    public const int RecordsPerPage = 20;
    public const int RequestsShown = 200;

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
        table{border-collapse:collapse;margin:.5rem 0}
        th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
        th{background:#f3f3f3} td table{margin:0} pre{white-space:pre-wrap;word-break:break-all;margin:.25rem 0;max-width:60rem}
        .Refused,.Faulted,.RateLimited,.ClientGaveUp,.EmulatorError{color:#a40000} .Succeeded{color:#075e00}
        nav a{margin-right:1rem}
        th small,.zone-of{color:#666;font-weight:normal} form[role=search]{margin:.5rem 0}
        """;

    /// <summary>H3Yun keeps and answers times in China Standard Time, with no zone on the wire (Values/ChinaTime.cs).</summary>
    private const string ChinaZone = "UTC+08:00";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public bool TryHandle(HttpContext context, string path, out Task handled)
    {
        handled = Task.CompletedTask;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return false;
        }

        if (path.Length == 0)
        {
            handled = WriteAsync(context, "H3Yun emulator", Overview());
            return true;
        }

        const string FormsPrefix = "/forms/";
        if (path.StartsWith(FormsPrefix, StringComparison.OrdinalIgnoreCase) && path.Length > FormsPrefix.Length)
        {
            var schemaCode = Uri.UnescapeDataString(path[FormsPrefix.Length..]);
            var page = int.TryParse(context.Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;
            var search = context.Request.Query["q"].ToString().Trim();
            handled = WriteAsync(context, schemaCode + " – H3Yun emulator", Form(schemaCode, page, search));
            return true;
        }

        return false;
    }

    private string Overview()
    {
        var html = new HtmlWriter();
        html.Element("h1", "H3Yun emulator");
        html.Raw("<p>").Text($"EngineCode {services.EngineCode} · EngineSecret {SecretMask.Mask} · data: {services.Store.Path ?? "in memory"} · {(services.Settings.Strict ? "strict mode" : "default mode")} · apps: {string.Join(", ", services.CustomApis.AppCodes)}").Raw("</p>");
        WriteForms(html);
        WriteCustomApis(html);
        WriteFaults(html);
        WriteRequests(html);
        return html.ToString();
    }

    private void WriteForms(HtmlWriter html)
    {
        html.Raw("<section id=\"forms\">").Element("h2", "Forms");
        var counts = services.Store.Forms().ToDictionary(form => form.SchemaCode, form => form.Count, StringComparer.Ordinal);
        var codes = services.Schemas.Forms.Select(form => form.SchemaCode).Concat(counts.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            html.Element("p", "No forms yet: load schema files, or write a record (schema-less mode).");
        }
        else
        {
            html.Raw("<table><tr><th>SchemaCode</th><th>Name</th><th>Fields</th><th>Records</th></tr>");
            foreach (var code in codes)
            {
                var form = services.Schemas.Find(code);
                html.Raw("<tr><td>").Raw($"<a {HtmlWriter.Attribute("href", "/forms/" + Uri.EscapeDataString(code))}>").Text(code).Raw("</a></td>")
                    .Element("td", form?.DisplayName ?? "(schema-less)")
                    .Element("td", form?.Fields.Count.ToString(CultureInfo.InvariantCulture) ?? "–")
                    .Element("td", counts.GetValueOrDefault(code).ToString(CultureInfo.InvariantCulture))
                    .Raw("</tr>");
            }

            html.Raw("</table>");
        }

        html.Raw("</section>");
    }

    private void WriteCustomApis(HtmlWriter html)
    {
        html.Raw("<section id=\"custom-apis\">").Element("h2", "Custom APIs");
        var registrations = services.CustomApis.Registrations;
        if (registrations.Count == 0)
        {
            html.Element("p", "None registered.");
        }
        else
        {
            html.Raw("<table><tr><th>AppCode</th><th>Controller</th><th>ActionName</th></tr>");
            foreach (var registration in registrations)
            {
                html.Raw("<tr>").Element("td", registration.AppCode ?? "(every app)").Element("td", registration.Controller).Element("td", registration.ActionName).Raw("</tr>");
            }

            html.Raw("</table>");
        }

        html.Raw("</section>");
    }

    private void WriteFaults(HtmlWriter html)
    {
        html.Raw("<section id=\"faults\">").Element("h2", "Fault queue");
        var queued = services.Faults.Queued;
        var rules = services.Faults.RandomRules;
        if (queued.Count == 0 && rules.Count == 0)
        {
            html.Element("p", "No faults queued.");
        }
        else
        {
            html.Raw("<table><tr><th>#</th><th>Fault</th><th>For</th></tr>");
            var position = 0;
            foreach (var fault in queued)
            {
                html.Raw("<tr>").Element("td", (++position).ToString(CultureInfo.InvariantCulture)).Element("td", fault.Fault.ToString()).Element("td", fault.ActionName ?? "any request").Raw("</tr>");
            }

            foreach (var rule in rules)
            {
                html.Raw("<tr>").Element("td", "random")
                    .Element("td", string.Create(CultureInfo.InvariantCulture, $"{rule.Fault} (probability {rule.Probability:0.###}, seed {rule.Seed})"))
                    .Element("td", rule.ActionName ?? "any request").Raw("</tr>");
            }

            html.Raw("</table>");
        }

        html.Raw("</section>");
    }

    private void WriteRequests(HtmlWriter html)
    {
        html.Raw("<section id=\"requests\">").Element("h2", "Requests");
        var requests = services.Log.Snapshot();
        if (requests.Count == 0)
        {
            html.Element("p", "No requests yet.");
            html.Raw("</section>");
            return;
        }

        html.Element("p", $"The latest {Math.Min(requests.Count, RequestsShown)} of {requests.Count}, newest first. EngineSecret values are masked as {SecretMask.Mask}.");
        html.Raw($"<table><tr><th>#</th><th>Time ({ChinaZone})</th><th>Action</th><th>Form</th><th>Outcome</th><th>Status</th><th>ms</th><th>Fault</th><th>Envelope and answer</th></tr>");
        foreach (var request in requests.Reverse().Take(RequestsShown))
        {
            html.Raw($"<tr {HtmlWriter.Attribute("data-sequence", request.Sequence.ToString(CultureInfo.InvariantCulture))}>")
                .Element("td", request.Sequence.ToString(CultureInfo.InvariantCulture))
                .Element("td", request.ReceivedAt.ToOffset(ChinaOffset).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))
                .Element("td", request.ActionName ?? request.Path)
                .Element("td", request.SchemaCode)
                .Element("td", request.Outcome.ToString(), HtmlWriter.Attribute("class", request.Outcome.ToString()))
                .Element("td", request.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "–")
                .Element("td", request.Duration?.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture))
                .Element("td", request.Fault)
                .Raw("<td><details><summary>show</summary>")
                .Element("pre", Pretty(request.Body), "class=\"envelope\"")
                .Element("pre", request.Answer is null ? "(no answer)" : Pretty(request.Answer), "class=\"answer\"")
                .Raw("</details></td></tr>");
        }

        html.Raw("</table></section>");
    }

    private string Form(string schemaCode, int page, string search)
    {
        var html = new HtmlWriter();
        var form = services.Schemas.Find(schemaCode);
        html.Raw("<nav><a href=\"/\">← All forms</a></nav>");
        html.Element("h1", form?.DisplayName is { } name ? $"{name} ({schemaCode})" : schemaCode);
        html.Raw("<section id=\"fields\">").Element("h2", "Fields");
        if (form is null)
        {
            html.Element("p", "No schema file defines this form (schema-less mode): fields are what records hold.");
        }
        else
        {
            WriteFields(html, form);
        }

        html.Raw("</section>");
        var formPath = "/forms/" + Uri.EscapeDataString(schemaCode);
        var stored = services.Store.Count(schemaCode);
        JsonObject Read(JsonObject record) =>
            ReadFormatter.Format(record, form, services.Store.AttachmentsOf(schemaCode, (string)record[SystemFieldCodes.ObjectId]!), services.Settings.ReadStyle);

        // Without a search, one page is read; a search reads every record, as LoadBizObject shows them, and keeps those
        // holding the text anywhere (child rows included), whatever page they would be on.
        var matching = search.Length == 0 ? null : services.Store.Snapshot(schemaCode).Select(Read).Where(record => Holds(record, search)).ToList();
        var total = matching?.Count ?? stored;
        var pages = Math.Max(1, (total + RecordsPerPage - 1) / RecordsPerPage);
        page = Math.Min(page, pages);
        html.Raw("<section id=\"records\">").Element("h2", "Records");
        html.Raw($"<form role=\"search\" method=\"get\" {HtmlWriter.Attribute("action", formPath)}>")
            .Raw($"<input type=\"search\" name=\"q\" placeholder=\"Text in any field\" aria-label=\"Search the records\" {HtmlWriter.Attribute("value", search)}> ")
            .Raw("<button type=\"submit\">Search</button>");
        if (search.Length > 0)
        {
            html.Raw($" <a {HtmlWriter.Attribute("href", formPath)}>Show all</a>");
        }

        html.Raw("</form>");
        html.Element("p", search.Length == 0
            ? $"{total} record(s); page {page} of {pages}."
            : $"{total} of {stored} record(s) match “{search}”; page {page} of {pages}.", "class=\"paging\"");
        if (page > 1 || page < pages)
        {
            var query = search.Length == 0 ? string.Empty : "&q=" + Uri.EscapeDataString(search);
            html.Raw("<nav>");
            if (page > 1)
            {
                html.Raw($"<a rel=\"prev\" {HtmlWriter.Attribute("href", $"{formPath}?page={page - 1}{query}")}>← Previous</a>");
            }

            if (page < pages)
            {
                html.Raw($"<a rel=\"next\" {HtmlWriter.Attribute("href", $"{formPath}?page={page + 1}{query}")}>Next →</a>");
            }

            html.Raw("</nav>");
        }

        var records = matching is null
            ? services.Store.Page(schemaCode, (page - 1) * RecordsPerPage, RecordsPerPage).Select(Read).ToList()
            : matching.Skip((page - 1) * RecordsPerPage).Take(RecordsPerPage).ToList();
        if (records.Count > 0)
        {
            html.Element("p", $"Times are China time ({ChinaZone}), as H3Yun keeps and answers them.", "class=\"zone\"");
            WriteTable(html, records, form, "record-table");
        }

        html.Raw("</section>");
        return html.ToString();
    }

    /// <summary>Whether any value in a read record, child rows included, holds the text, ignoring case.</summary>
    private static bool Holds(JsonNode? node, string text) => node switch
    {
        JsonObject members => members.Any(member => Holds(member.Value, text)),
        JsonArray items => items.Any(item => Holds(item, text)),
        JsonValue value => (value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString())
            .Contains(text, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static void WriteFields(HtmlWriter html, FormSchema form)
    {
        html.Raw("<table><tr><th>Code</th><th>Name</th><th>DataType</th><th>Details</th></tr>");
        foreach (var field in form.Fields)
        {
            html.Raw("<tr>").Element("td", field.Code).Element("td", field.DisplayName)
                .Element("td", string.Create(CultureInfo.InvariantCulture, $"{field.DataType} ({(int)field.DataType})"))
                .Raw("<td>");
            var details = new List<string>();
            if (field.Multiple)
            {
                details.Add("multiple");
            }

            if (field.AssociationSchemaCode is { } target)
            {
                details.Add("→ " + target);
            }

            html.Text(string.Join(", ", details));
            if (field.ChildSchema is { } child)
            {
                html.Element("div", $"child table {child.SchemaCode}:");
                WriteFields(html, child);
            }

            html.Raw("</td></tr>");
        }

        html.Raw("</table>");
    }

    /// <summary>
    /// Records or rows as a table, one column per member: the form's own fields first, then the system fields, each in
    /// order of first appearance; headed by the field's name with its code in small text and a tooltip (the code alone
    /// where no schema names it). Child tables nest, with their own schema's names.
    /// </summary>
    private static void WriteTable(HtmlWriter html, IReadOnlyList<JsonObject> rows, FormSchema? form, string cssClass)
    {
        var columns = new List<string>();
        foreach (var row in rows)
        {
            foreach (var (name, _) in row)
            {
                if (!columns.Contains(name, StringComparer.Ordinal) && !name.EndsWith(SystemFieldCodes.CompanionSuffix, StringComparison.Ordinal))
                {
                    columns.Add(name);
                }
            }
        }

        columns = [.. columns.Where(column => !IsSystem(column)), .. columns.Where(IsSystem)];
        html.Raw($"<table {HtmlWriter.Attribute("class", cssClass)}><thead><tr>");
        foreach (var column in columns)
        {
            html.Raw($"<th {HtmlWriter.Attribute("title", column)}>");
            if (form?.Find(column)?.DisplayName is { Length: > 0 } displayName && displayName != column)
            {
                html.Text(displayName).Raw("<br>").Element("small", column);
            }
            else
            {
                html.Text(column);
            }

            html.Raw("</th>");
        }

        html.Raw("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Raw($"<tr {HtmlWriter.Attribute("data-object-id", (string?)row[SystemFieldCodes.ObjectId])}>");
            foreach (var column in columns)
            {
                html.Raw("<td>");
                var field = form?.Find(column);
                WriteValue(html, row[column], field?.ChildSchema);
                if (IsTime(column, field) && row[column] is JsonValue time && time.GetValueKind() == JsonValueKind.String && time.GetValue<string>().Length > 0)
                {
                    html.Raw(" ").Element("span", $"({ChinaZone})", "class=\"zone-of\"");
                }

                html.Raw("</td>");
            }

            html.Raw("</tr>");
        }

        html.Raw("</tbody></table>");
    }

    private static bool IsSystem(string column) => SystemFieldCodes.IsOnRecord(column) || SystemFieldCodes.OnRow.Contains(column) || SystemFieldCodes.Bookkeeping.Contains(column);

    /// <summary>A date field, or the time a record was created or modified: China time, shown with its zone.</summary>
    private static bool IsTime(string column, FieldSchema? field) =>
        field is null ? SystemFieldCodes.Dates.Contains(column) : field.DataType == BizDataType.DateTime;

    private static void WriteValue(HtmlWriter html, JsonNode? value, FormSchema? childForm)
    {
        switch (value)
        {
            case null:
                return;
            case JsonArray array when array.Count > 0 && array.All(item => item is JsonObject row && row.ContainsKey(SystemFieldCodes.ParentObjectId)):
                WriteTable(html, [.. array.Select(item => item!.AsObject())], childForm, "child-table");
                return;
            case JsonArray array when array.Count > 0 && array.All(item => item is JsonObject file && file.ContainsKey("FileName")):
                html.Text(string.Join(", ", array.Select(item => $"{(string?)item!["FileName"]} ({(string?)item["ObjectId"]})")));
                return;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                html.Text(scalar.GetValue<string>());
                return;
            default:
                html.Text(value.ToJsonString());
                return;
        }
    }

    private static string Pretty(string text)
    {
        try
        {
            return JsonNode.Parse(text)?.ToJsonString(Readable) ?? text;
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private static async Task WriteAsync(HttpContext context, string title, string body)
    {
        var page = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
            .Append(System.Net.WebUtility.HtmlEncode(title))
            .Append("</title><style>").Append(Style).Append("</style></head><body>")
            .Append(body)
            .Append("</body></html>")
            .ToString();
        var bytes = Encoding.UTF8.GetBytes(page);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
