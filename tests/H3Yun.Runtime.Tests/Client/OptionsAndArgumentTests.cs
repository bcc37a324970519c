namespace H3Yun.Runtime.Tests;

/// <summary>
/// Bad settings and bad arguments fail where they are made, before anything is sent, with a message that names what
/// is wrong and how to fix it; good ones are taken exactly as given.
/// </summary>
public class OptionsAndArgumentTests
{
    public static TheoryData<string, Action<H3YunClientOptions>, string> BadOptions => new()
    {
        { "relative address", o => o.BaseAddress = new Uri("/h3yun", UriKind.Relative), "H3YunClientOptions.BaseAddress must be an http or https address such as https://www.h3yun.com or http://127.0.0.1:5080, not '/h3yun': add http:// or https:// in front. It is also read from H3YUN_BASE_ADDRESS." },
        { "no address", o => o.BaseAddress = null!, "H3YunClientOptions.BaseAddress must be an http or https address such as https://www.h3yun.com or http://127.0.0.1:5080, not ''. It is also read from H3YUN_BASE_ADDRESS." },
        { "no scheme", o => o.BaseAddress = new Uri("localhost:1234"), "H3YunClientOptions.BaseAddress must be an http or https address such as https://www.h3yun.com or http://127.0.0.1:5080, not 'localhost:1234': add http:// or https:// in front. It is also read from H3YUN_BASE_ADDRESS." },
        { "ftp", o => o.BaseAddress = new Uri("ftp://files.example/"), "H3YunClientOptions.BaseAddress must be an http or https address such as https://www.h3yun.com or http://127.0.0.1:5080, not 'ftp://files.example/'. It is also read from H3YUN_BASE_ADDRESS." },
        { "blank EngineCode", o => o.EngineCode = "  ", "H3YunClientOptions.EngineCode is empty. Set it (头像 → 系统管理 → 系统集成), or set H3YUN_ENGINE_CODE." },
        { "blank EngineSecret", o => o.EngineSecret = "", "H3YunClientOptions.EngineSecret is empty. Set it, from user secrets or the environment rather than a file in source control, or set H3YUN_ENGINE_SECRET." },
        { "zero rate", o => o.RequestsPerSecond = 0, "H3YunClientOptions.RequestsPerSecond must be positive, or null for no limit." },
        { "negative rate", o => o.RequestsPerSecond = -1, "H3YunClientOptions.RequestsPerSecond must be positive, or null for no limit." },
        { "zero timeout", o => o.Timeout = TimeSpan.Zero, "H3YunClientOptions.Timeout must be positive." },
        { "negative retries", o => o.MaxRetryAttempts = -1, "H3YunClientOptions.MaxRetryAttempts cannot be negative." },
        { "negative retry delay", o => o.RetryDelay = TimeSpan.FromTicks(-1), "H3YunClientOptions.RetryDelay cannot be negative." },
        { "negative queue", o => o.RateLimitQueueLimit = -1, "H3YunClientOptions.RateLimitQueueLimit cannot be negative." },
        { "zero batch", o => o.CreateBatchSize = 0, "H3YunClientOptions.CreateBatchSize must be positive." },
        { "zero size cap", o => o.MaxResponseBytes = 0, "H3YunClientOptions.MaxResponseBytes must be positive." },
        { "no clock", o => o.TimeProvider = null!, "H3YunClientOptions.TimeProvider cannot be null." },
        { "no zone", o => o.TimeZone = null!, "H3YunClientOptions.TimeZone cannot be null; H3Yun works in H3YunTimeZones.ChinaStandardTime." },
    };

    public static TheoryData<string, Action<H3YunClientOptions>> SmallestGoodOptions => new()
    {
        { "a rate just above zero", o => { o.RequestsPerSecond = 0.001; o.EngineCode = $"smallest-rate-{Guid.NewGuid():N}"; } },
        { "no rate limit", o => o.RequestsPerSecond = null },
        { "a timeout of one tick", o => o.Timeout = TimeSpan.FromTicks(1) },
        { "no retries", o => o.MaxRetryAttempts = 0 },
        { "no queue for a turn", o => { o.RateLimitQueueLimit = 0; o.EngineCode = $"no-queue-{Guid.NewGuid():N}"; } },
        { "no retry delay", o => o.RetryDelay = TimeSpan.Zero },
        { "batches of one", o => o.CreateBatchSize = 1 },
        { "answers of one byte", o => o.MaxResponseBytes = 1 },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_setting_is_refused_when_the_client_is_built_with_what_to_fix(string setting, Action<H3YunClientOptions> spoil, string message)
    {
        var options = FakeH3Yun.Options();
        spoil(options);

        var error = Assert.Throws<ArgumentException>(() => new FakeH3Yun().CreateClient(options));

        Assert.Equal($"{message} (Parameter 'options')", error.Message);
        Assert.False(string.IsNullOrEmpty(setting));
    }

    [Theory]
    [MemberData(nameof(SmallestGoodOptions))]
    public void The_smallest_good_settings_are_accepted(string setting, Action<H3YunClientOptions> set)
    {
        var options = FakeH3Yun.Options();
        set(options);

        using var client = new FakeH3Yun().CreateClient(options);

        Assert.NotNull(client.Options);
        Assert.False(string.IsNullOrEmpty(setting));
    }

    [Fact]
    public async Task The_client_hands_out_copies_of_its_settings_that_cannot_change_what_it_sends()
    {
        var h3yun = new FakeH3Yun().AnswerSuccess("""{"BizObject":null}""");
        var options = FakeH3Yun.Options();
        using var client = h3yun.CreateClient(options);

        var copy = client.Options;
        copy.EngineCode = "changed";
        copy.BaseAddress = new Uri("https://elsewhere.test");
        options.EngineCode = "changed too";
        await new BookRepository(client).LoadAsync("b-1");

        Assert.NotSame(copy, client.Options);
        Assert.Equal(FakeH3Yun.EngineCode, client.Options.EngineCode);
        Assert.Equal(FakeH3Yun.EngineSecret, client.Options.EngineSecret);
        Assert.Equal(FakeH3Yun.EngineCode, h3yun.Calls.Single().EngineCode);
        Assert.Equal("https://h3yun.test/OpenApi/Invoke", h3yun.Calls.Single().Uri.ToString());
    }

    [Fact]
    public void The_options_describe_themselves_without_the_secret()
    {
        var options = FakeH3Yun.Options(requestsPerSecond: 1.5);

        Assert.Equal($"H3Yun at https://h3yun.test/ (EngineCode {options.EngineCode}, EngineSecret set, 1.5 requests/s)", options.ToString());
        Assert.DoesNotContain(options.EngineSecret, options.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            "H3Yun at https://www.h3yun.com/ (EngineCode , EngineSecret not set, no rate limit)",
            new H3YunClientOptions { RequestsPerSecond = null }.ToString());
    }

    [Fact]
    public void The_defaults_are_H3Yuns_documented_limits()
    {
        var options = new H3YunClientOptions();

        Assert.Equal(new Uri("https://www.h3yun.com"), options.BaseAddress);
        Assert.Equal(2, options.RequestsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Timeout);
        Assert.Equal(3, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryDelay);
        Assert.Equal(100, options.CreateBatchSize);
        Assert.Equal(64 * 1024 * 1024, options.MaxResponseBytes);
        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.Equal(TimeSpan.FromHours(8), options.TimeZone.BaseUtcOffset);
    }

    [Fact]
    public void Requests_refuse_a_blank_form_or_record_id_before_anything_is_sent()
    {
        Assert.Equal("schemaCode", Assert.ThrowsAny<ArgumentException>(() => OpenApiRequest.LoadBizObject(" ", "b-1")).ParamName);
        Assert.Equal("schemaCode", Assert.ThrowsAny<ArgumentException>(() => OpenApiRequest.RemoveBizObject(null!, "b-1")).ParamName);
        Assert.Equal("bizObjectId", Assert.ThrowsAny<ArgumentException>(() => OpenApiRequest.LoadBizObject("S", "")).ParamName);
        Assert.Equal("bizObjectId", Assert.ThrowsAny<ArgumentException>(() => OpenApiRequest.RemoveBizObject("S", "  ")).ParamName);
        Assert.Equal("bizObjectId", Assert.ThrowsAny<ArgumentException>(() => OpenApiRequest.UpdateBizObject("S", "\t", "{}")).ParamName);
        Assert.Equal("filter", Assert.ThrowsAny<ArgumentException>(() => OpenApiRequest.LoadBizObjects("S", null!)).ParamName);
        Assert.Equal("bizObjectJsons", Assert.ThrowsAny<ArgumentException>(() => OpenApiRequest.CreateBizObjects("S", (IEnumerable<string>)null!, isSubmit: true)).ParamName);
    }

    [Fact]
    public async Task Client_calls_refuse_a_missing_argument_before_anything_is_sent()
    {
        var h3yun = new ScriptedH3Yun { Otherwise = ScriptedH3Yun.Success() };
        using var client = h3yun.CreateClient();
        var request = new CustomApiRequest("D000024App", "MyApiController", "SelectUser");

        Assert.Equal("request", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.InvokeCustomAsync(null!))).ParamName);
        Assert.Equal("request", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.InvokeCustomAsync(null!, CustomApiJson.Default.UserInfo))).ParamName);
        Assert.Equal("returnType", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.InvokeCustomAsync<UserInfo>(request, null!))).ParamName);
        Assert.Equal("attachmentId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.DownloadAttachmentAsync(" "))).ParamName);
        Assert.Empty(h3yun.Calls);
    }

    public static TheoryData<string, string> BadRecordJson => new()
    {
        { "[1]", "A BizObject must be a JSON object of field codes and values. (Parameter 'bizObjectJson')" },
        { "\"text\"", "A BizObject must be a JSON object of field codes and values. (Parameter 'bizObjectJson')" },
        { "{\"F0000001\":", "A BizObject must be valid JSON: " },
    };

    [Theory]
    [MemberData(nameof(BadRecordJson))]
    public void A_record_given_as_JSON_text_must_be_a_JSON_object(string json, string message)
    {
        var create = Assert.Throws<ArgumentException>(() => OpenApiRequest.CreateBizObject("S", json, isSubmit: true));
        var update = Assert.Throws<ArgumentException>(() => OpenApiRequest.UpdateBizObject("S", "b-1", json));
        var batch = Assert.Throws<ArgumentException>(() => OpenApiRequest.CreateBizObjects("S", ["{}", json], isSubmit: true));

        Assert.StartsWith(message, create.Message, StringComparison.Ordinal);
        Assert.StartsWith(message, update.Message, StringComparison.Ordinal);
        Assert.Equal("bizObjectJsons", batch.ParamName);
        Assert.Equal(json.StartsWith('{'), create.InnerException is System.Text.Json.JsonException);
    }

    [Fact]
    public void A_record_given_as_JSON_text_is_sent_as_given()
    {
        var request = OpenApiRequest.UpdateBizObject("S", "b-1", """{"F0000001":"中文"}""");

        Assert.Equal(OpenApiActions.UpdateBizObject, request.ActionName);
        Assert.Equal("S", request.SchemaCode);
        Assert.Equal("b-1", request.BizObjectId);
        Assert.Null(request.IsSubmit);
        Assert.False(request.IsIdempotent);
        Assert.Equal("""{"F0000001":"中文"}""", System.Text.Encoding.UTF8.GetString(request.BizObject!.Value.Span));
    }

    public static TheoryData<int, int, string?> Windows => new()
    {
        { 0, 1, null },
        { 0, 500, null },
        { 499, 999, null },
        { 0, 0, "The window FromRowNum 0 to ToRowNum 0 (exclusive) holds 0 rows; H3Yun returns 1 to 500 rows per call. Page through larger results with QueryAllAsync." },
        { 10, 5, "The window FromRowNum 10 to ToRowNum 5 (exclusive) holds -5 rows; H3Yun returns 1 to 500 rows per call. Page through larger results with QueryAllAsync." },
        { 0, 501, "The window FromRowNum 0 to ToRowNum 501 (exclusive) holds 501 rows; H3Yun returns 1 to 500 rows per call. Page through larger results with QueryAllAsync." },
        { 1, int.MinValue, "The window FromRowNum 1 to ToRowNum -2147483648 (exclusive) holds -2147483649 rows; H3Yun returns 1 to 500 rows per call. Page through larger results with QueryAllAsync." },
        { -1, 10, "FromRowNum is 0-based and cannot be negative." },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void A_row_window_holds_1_to_500_rows_from_row_0_on(int from, int to, string? message)
    {
        var filter = new Filter { FromRowNum = from, ToRowNum = to };

        var error = Record.Exception(() => OpenApiRequest.LoadBizObjects("S", filter));

        if (message is null)
        {
            Assert.Null(error);
            return;
        }

        var outOfRange = Assert.IsType<ArgumentOutOfRangeException>(error);
        Assert.StartsWith(message, outOfRange.Message, StringComparison.Ordinal);
        Assert.Equal(from < 0 ? "FromRowNum" : "ToRowNum", outOfRange.ParamName);
    }

    [Fact]
    public void The_environment_gives_the_credentials_and_optionally_the_address()
    {
        WithEnvironment(("  code-1 ", " secret-1\n", null), options =>
        {
            Assert.NotNull(options);
            Assert.Equal("code-1", options.EngineCode);
            Assert.Equal("secret-1", options.EngineSecret);
            Assert.Equal(H3YunClientOptions.DefaultBaseAddress, options.BaseAddress);
        });
        WithEnvironment(("code-1", "secret-1", " http://localhost:5000/h3yun "), options =>
            Assert.Equal(new Uri("http://localhost:5000/h3yun"), options!.BaseAddress));
        WithEnvironment(("code-1", " ", "http://localhost:5000"), Assert.Null);
        WithEnvironment((null, "secret-1", null), Assert.Null);

        var error = Assert.Throws<InvalidOperationException>(() => WithEnvironment(("code-1", "secret-1", "www.h3yun.com/x"), _ => { }));
        Assert.Equal("H3YUN_BASE_ADDRESS must be an http or https address such as https://www.h3yun.com or http://127.0.0.1:5080, not 'www.h3yun.com/x': add http:// or https:// in front.", error.Message);
    }

    [Theory]
    [InlineData("localhost:1234", ": add http:// or https:// in front.")]
    [InlineData("127.0.0.1:1234", ": add http:// or https:// in front.")]
    [InlineData("ftp://files.example/", ".")]
    public void An_address_without_http_or_https_is_refused_when_read_naming_the_variable(string address, string end)
    {
        var error = Assert.Throws<InvalidOperationException>(() => WithEnvironment(("code-1", "secret-1", address), _ => { }));

        Assert.Equal($"H3YUN_BASE_ADDRESS must be an http or https address such as https://www.h3yun.com or http://127.0.0.1:5080, not '{address}'{end}", error.Message);
    }

    private static void WithEnvironment((string? Code, string? Secret, string? Address) values, Action<H3YunClientOptions?> check)
    {
        string[] names = [H3YunClientOptions.EngineCodeVariable, H3YunClientOptions.EngineSecretVariable, H3YunClientOptions.BaseAddressVariable];
        var saved = names.Select(Environment.GetEnvironmentVariable).ToArray();
        try
        {
            Environment.SetEnvironmentVariable(names[0], values.Code);
            Environment.SetEnvironmentVariable(names[1], values.Secret);
            Environment.SetEnvironmentVariable(names[2], values.Address);
            check(H3YunClientOptions.FromEnvironment());
        }
        finally
        {
            for (var i = 0; i < names.Length; i++)
            {
                Environment.SetEnvironmentVariable(names[i], saved[i]);
            }
        }
    }
}
