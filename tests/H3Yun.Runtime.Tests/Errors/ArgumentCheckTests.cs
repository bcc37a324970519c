namespace H3Yun.Runtime.Tests;

/// <summary>
/// Every public entry point refuses a missing or blank argument where it is given, naming the parameter, and sends
/// nothing: custom API requests, uploads and downloads, conditions, the maps of option texts.
/// </summary>
public class ArgumentCheckTests
{
    [Theory]
    [InlineData("", "MyApiController", "Sync", "appCode")]
    [InlineData("app", " ", "Sync", "controller")]
    [InlineData("app", "MyApiController", "", "actionName")]
    public void A_custom_API_request_needs_an_app_a_controller_and_an_action(string appCode, string controller, string actionName, string parameter) =>
        Assert.Equal(parameter, Assert.ThrowsAny<ArgumentException>(() => new CustomApiRequest(appCode, controller, actionName)).ParamName);

    [Fact]
    public void A_custom_API_cannot_take_a_built_in_action_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new CustomApiRequest("app", "MyApiController", OpenApiActions.LoadBizObject));

        Assert.StartsWith("'LoadBizObject' is one of H3Yun's six built-in ActionNames, which a custom API cannot use", error.Message, StringComparison.Ordinal);
        Assert.Contains("send the built-in action with OpenApiRequest", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ActionName")]
    [InlineData("controller")]
    [InlineData("APPCODE")]
    public async Task A_parameter_named_like_a_member_of_every_call_is_refused_before_sending(string name)
    {
        var h3yun = new FakeH3Yun();
        using var client = h3yun.CreateClient();
        var request = new CustomApiRequest("app", "MyApiController", "Sync") { Parameters = { [name] = "x" } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.InvokeCustomAsync(request));

        Assert.StartsWith($"'{name}' is part of every custom API call and cannot be a parameter of 'Sync'.", error.Message, StringComparison.Ordinal);
        Assert.Empty(h3yun.Calls);
    }

    public static TheoryData<string, Func<H3YunClient, Task>> BadUploads => new()
    {
        { "schemaCode", c => c.UploadAttachmentAsync(new H3AttachmentUpload { SchemaCode = " ", FieldCode = "F0000009", ObjectId = "b-1", Content = new MemoryStream([1]), FileName = "a.txt" }) },
        { "fieldCode", c => c.UploadAttachmentAsync(new H3AttachmentUpload { SchemaCode = Book.SchemaCode, FieldCode = "", ObjectId = "b-1", Content = new MemoryStream([1]), FileName = "a.txt" }) },
        { "objectId", c => c.UploadAttachmentAsync(new H3AttachmentUpload { SchemaCode = Book.SchemaCode, FieldCode = "F0000009", ObjectId = " ", Content = new MemoryStream([1]), FileName = "a.txt" }) },
        { "content", c => c.UploadAttachmentAsync(new H3AttachmentUpload { SchemaCode = Book.SchemaCode, FieldCode = "F0000009", ObjectId = "b-1", Content = null!, FileName = "a.txt" }) },
        { "fileName", c => c.UploadAttachmentAsync(new H3AttachmentUpload { SchemaCode = Book.SchemaCode, FieldCode = "F0000009", ObjectId = "b-1", Content = new MemoryStream([1]), FileName = " " }) },
        { "attachmentId", c => c.DownloadAttachmentAsync(" ") },
        { "record", c => new BookRepository(c).Attachments.UploadAsync((Book)null!, (AttachmentField<Book>)null!, new MemoryStream([1]), "a.txt") },
        { "row", c => new BookRepository(c).Attachments.UploadAsync((H3ChildRow)null!, "F0000009", new MemoryStream([1]), "a.txt") },
        { "attachment", c => new BookRepository(c).Attachments.DownloadAsync(null!) },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task An_upload_or_download_without_what_it_needs_is_refused_before_sending(string parameter, Func<H3YunClient, Task> call)
    {
        var h3yun = new FakeH3Yun();
        using var client = h3yun.CreateClient();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(client));

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(h3yun.Calls);
    }

    [Fact]
    public async Task A_file_of_three_megabytes_from_the_streams_position_is_sent_and_an_extension_of_one_letter_is_enough()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"AttachmentId":"att-1"}""");
        using var client = h3yun.CreateClient();
        var stream = new MemoryStream(new byte[(3 * 1024 * 1024) + 1]) { Position = 1 };

        Assert.Equal("att-1", await client.UploadAttachmentAsync(new H3AttachmentUpload { SchemaCode = Book.SchemaCode, FieldCode = "F0000009", ObjectId = "b-1", Content = stream, FileName = "a.c" }));
        Assert.Single(h3yun.Calls);
    }

    [Fact]
    public void A_condition_cannot_be_combined_with_null()
    {
        var condition = Book.Where.Title.EqualTo("Dune");

        Assert.Equal("left", Assert.Throws<ArgumentNullException>(() => null! & condition).ParamName);
        Assert.Equal("right", Assert.Throws<ArgumentNullException>(() => condition | null!).ParamName);
        Assert.Equal("conditions", Assert.Throws<ArgumentNullException>(() => Condition.All<Book>(null!)).ParamName);
        Assert.Equal("conditions", Assert.Throws<ArgumentNullException>(() => Condition.Any(condition, null!)).ParamName);
    }

    [Fact]
    public void Option_texts_need_their_maps()
    {
        Assert.Equal("fromText", Assert.Throws<ArgumentNullException>(() => OptionTexts.Known<DayOfWeek>(["Monday"], null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => OptionTexts.ToTexts<DayOfWeek>(null!, static day => day.ToString())).ParamName);
        Assert.Equal("toText", Assert.Throws<ArgumentNullException>(() => OptionTexts.ToTexts([DayOfWeek.Monday], null!)).ParamName);
    }
}
