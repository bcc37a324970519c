using H3Yun;

namespace H3Yun.Sample;

/// <summary>Writes a record of the all-types form with every control set, reads it back, and shows each value.</summary>
internal sealed class FieldTypesWalkthrough(H3YunClient client, TextWriter output)
{
    public async Task RunAsync(Customer customer, CancellationToken cancellationToken = default)
    {
        var records = new AllTypesRepository(client);
        var record = new AllTypes
        {
            ShortText = "单行文本",
            LongText = "多行\n文本",
            Colour = AllTypes.ColourOption.绿,
            Priority = AllTypes.PriorityOption.高,
            Days = [AllTypes.DaysOption.周一, AllTypes.DaysOption.周五],
            Amount = 3.1415926535897932m,
            Count = 7,
            BigCount = 9_007_199_254_740_993L,
            DueDate = new DateTime(2026, 12, 31, 18, 0, 0),
            Done = true,
            Customer = customer,
            Address = new H3Address("440305", "广东省 深圳市 南山区", "科兴科学园B1栋"),
            Location = new H3Location("深圳湾公园", new H3GeoPoint(22.523m, 113.951m)),
        };
        record.Rows.Add(new AllTypes.Row { Item = "螺丝", Grade = AllTypes.Row.GradeOption.A, Quantity = 100m });
        var created = await records.CreateAsync(record, cancellationToken: cancellationToken);
        var loaded = await records.LoadAsync(created.ObjectId, cancellationToken)
            ?? throw new InvalidOperationException($"Record {created.ObjectId} was created but cannot be loaded.");

        output.WriteLine($"All-types record {created.ObjectId} read back:");
        output.WriteLine($"  text {loaded.ShortText} | options {loaded.Colour}, {loaded.Priority}, [{string.Join(", ", loaded.Days ?? [])}]");
        output.WriteLine($"  numbers {loaded.Amount}, {loaded.Count}, {loaded.BigCount} | date {loaded.DueDate:yyyy-MM-dd HH:mm} | done {loaded.Done}");
        output.WriteLine($"  customer {loaded.Customer?.ObjectId} | address {loaded.Address?.Adname} {loaded.Address?.Detail} | location {loaded.Location?.Address} ({loaded.Location?.Point?.Lat}, {loaded.Location?.Point?.Lng})");
        output.WriteLine($"  rows {loaded.Rows.Count}: {string.Join(", ", loaded.Rows.Select(r => $"{r.Item} {r.Grade} x{r.Quantity}"))} | attachments {loaded.Files.Count}");

        // Attachments travel through endpoints of their own: upload to the record that exists, then stream it back.
        var note = System.Text.Encoding.UTF8.GetBytes("验收单：螺丝 100 个。");
        var attachmentId = await records.Attachments.UploadAsync(loaded, AllTypes.Where.Files, new MemoryStream(note), "验收单.txt", cancellationToken: cancellationToken);

        // H3Yun does not document whether a loaded record lists its attachments (docs/attachments.md), so the file is
        // fetched by the id the upload returned, whatever the record shows.
        var withFile = await records.LoadAsync(created.ObjectId, cancellationToken)
            ?? throw new InvalidOperationException($"Record {created.ObjectId} is gone.");
        output.WriteLine($"  attachments listed by the loaded record: {withFile.Files.Count}");
        await using (var file = await records.Client.DownloadAttachmentAsync(attachmentId, cancellationToken))
        {
            using var reader = new StreamReader(file.Content);
            output.WriteLine($"  attachment {file.FileName} ({file.ContentType}): {await reader.ReadToEndAsync(cancellationToken)}");
        }

        await records.DeleteAsync(created.ObjectId, cancellationToken);
    }
}
