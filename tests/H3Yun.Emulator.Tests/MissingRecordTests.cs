using System;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>H3Yun does not document how LoadBizObject answers an id that names no record; both answers are offered.</summary>
public class MissingRecordTests
{
    private const string MissingId = "b1540570-d463-4325-8ca1-759ec3d7aa03";

    [Fact]
    public void The_default_is_a_null_BizObject()
    {
        Assert.Null(new H3YunEmulatorOptions().MissingRecord);
    }

    [Fact]
    public async Task NullBizObject_answers_success_with_BizObject_null()
    {
        await using var api = await EmulatorSession.StartAsync(new H3YunEmulatorOptions { MissingRecord = MissingRecordAnswer.NullBizObject });

        var returnData = await api.SucceedAsync(LoadBody);

        Assert.True(returnData.ContainsKey("BizObject"));
        Assert.Null(returnData["BizObject"]);
    }

    [Fact]
    public async Task NotFoundError_answers_Successful_false_with_the_words_H3Yun_uses()
    {
        await using var api = await EmulatorSession.StartAsync(new H3YunEmulatorOptions { MissingRecord = MissingRecordAnswer.NotFoundError });

        var message = await api.FailAsync(LoadBody);

        Assert.StartsWith("业务对象不存在", message, StringComparison.Ordinal);
        Assert.Contains(MissingId, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotFoundError_still_answers_a_record_that_exists()
    {
        await using var api = await EmulatorSession.StartAsync(new H3YunEmulatorOptions { MissingRecord = MissingRecordAnswer.NotFoundError });
        var id = await api.CreateAsync("FormA", """{"F0000001":"here"}""");

        var record = await api.LoadAsync("FormA", id);

        Assert.Equal("here", (string?)record!["F0000001"]);
    }

    [Fact]
    public async Task A_value_outside_the_enum_is_refused_at_start()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => H3YunEmulator.StartAsync(new H3YunEmulatorOptions { MissingRecord = (MissingRecordAnswer)7 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => H3YunEmulator.StartAsync(new H3YunEmulatorOptions { ChildRowUpdates = (ChildRowUpdateMode)7 }));
    }

    private static string LoadBody => $$"""{"ActionName":"LoadBizObject","SchemaCode":"FormA","BizObjectId":"{{MissingId}}"}""";
}
