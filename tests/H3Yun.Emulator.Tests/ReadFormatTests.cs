using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>Reads look like H3Yun's: people as display names with …Object companions, dates as yyyy/M/d H:mm:ss.</summary>
public partial class ReadFormatTests
{
    [Fact]
    public async Task People_read_as_display_names_with_id_companions()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", """{"F0000001":"x"}""");

        var record = (await api.LoadAsync("FormA", id))!;

        Assert.Equal(EmulatorOrganization.AdminUserName, (string?)record["CreatedBy"]);
        Assert.Equal(EmulatorOrganization.AdminUserId, (string?)record["CreatedByObject"]!["ObjectId"]);
        Assert.Equal(EmulatorOrganization.AdminUserName, (string?)record["CreatedByObject"]!["Name"]);
        Assert.Equal("管理员", (string?)record["OwnerId"]);
        Assert.Equal(EmulatorOrganization.AdminUserId, (string?)record["OwnerIdObject"]!["ObjectId"]);
        Assert.Equal("总部", (string?)record["OwnerDeptId"]);
        Assert.Equal(EmulatorOrganization.DepartmentId, (string?)record["OwnerDeptIdObject"]!["ObjectId"]);
        Assert.Equal("管理员", (string?)record["ModifiedBy"]);
        Assert.Equal(EmulatorOrganization.AdminUserId, (string?)record["ModifiedByObject"]!["ObjectId"]);
    }

    [Fact]
    public async Task An_id_outside_the_fake_organisation_reads_as_itself()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", """
            {"CreatedBy":"f3f69a49-edf6-468d-9aee-8cbc82a46662","OwnerId":" f3f69a49-edf6-468d-9aee-8cbc82a46662","OwnerDeptId":"dept-2"}
            """);

        var record = (await api.LoadAsync("FormA", id))!;

        Assert.Equal("f3f69a49-edf6-468d-9aee-8cbc82a46662", (string?)record["CreatedBy"]);
        Assert.Equal("f3f69a49-edf6-468d-9aee-8cbc82a46662", (string?)record["CreatedByObject"]!["ObjectId"]);
        Assert.Equal("f3f69a49-edf6-468d-9aee-8cbc82a46662", (string?)record["OwnerIdObject"]!["ObjectId"]);
        Assert.Equal("dept-2", (string?)record["OwnerDeptIdObject"]!["Name"]);
    }

    [Fact]
    public async Task Stored_records_keep_ids_not_display_names()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", "{}");

        var stored = api.Emulator.Find("FormA", id)!;

        Assert.Equal(EmulatorOrganization.AdminUserId, (string?)stored["CreatedBy"]);
        Assert.Equal(EmulatorOrganization.DepartmentId, (string?)stored["OwnerDeptId"]);
        Assert.False(stored.ContainsKey("CreatedByObject"));
    }

    [Fact]
    public async Task System_times_are_China_time_in_H3Yuns_date_format()
    {
        await using var api = await EmulatorSession.StartAsync();
        var before = DateTime.UtcNow.AddHours(8).AddSeconds(-2);
        var id = await api.CreateAsync("FormA", "{}");
        var after = DateTime.UtcNow.AddHours(8).AddSeconds(2);

        var record = (await api.LoadAsync("FormA", id))!;

        foreach (var member in new[] { "CreatedTime", "ModifiedTime" })
        {
            var text = (string)record[member]!;
            Assert.Matches(H3DateFormat(), text);
            var time = DateTime.ParseExact(text, "yyyy/M/d H:mm:ss", CultureInfo.InvariantCulture);
            Assert.InRange(time, before, after);
        }
    }

    [Fact]
    public async Task Status_is_a_JSON_number_and_system_fields_come_first()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", """{"F0000001":"x","Name":"标题"}""", isSubmit: false);

        var record = (await api.LoadAsync("FormA", id))!;

        Assert.Equal(JsonValueKind.Number, record["Status"]!.GetValueKind());
        Assert.Equal(0, (int)record["Status"]!);
        Assert.Equal("标题", (string?)record["Name"]);
        Assert.Equal(string.Empty, (string?)record["WorkflowInstanceId"]);
        Assert.Equal(
            ["ObjectId", "Name", "CreatedBy", "CreatedByObject", "OwnerId", "OwnerIdObject", "OwnerDeptId", "OwnerDeptIdObject",
             "CreatedTime", "ModifiedBy", "ModifiedByObject", "ModifiedTime", "WorkflowInstanceId", "Status", "SeqNo", "F0000001"],
            record.Select(member => member.Key));
    }

    [Fact]
    public async Task Name_is_null_unless_sent()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", "{}");

        var record = (await api.LoadAsync("FormA", id))!;

        Assert.True(record.ContainsKey("Name"));
        Assert.Null(record["Name"]);
    }

    [Fact]
    public async Task Schema_less_values_come_back_as_sent()
    {
        await using var api = await EmulatorSession.StartAsync();
        var id = await api.CreateAsync("FormA", """{"F0000001":12.5,"F0000002":"12.5","F0000003":true,"F0000004":["a","b"],"F0000005":null}""");

        var record = (await api.LoadAsync("FormA", id))!;

        Assert.Equal(JsonValueKind.Number, record["F0000001"]!.GetValueKind());
        Assert.Equal(JsonValueKind.String, record["F0000002"]!.GetValueKind());
        Assert.True((bool)record["F0000003"]!);
        Assert.Equal(["a", "b"], record["F0000004"]!.AsArray().Select(item => (string)item!));
        Assert.True(record.ContainsKey("F0000005"));
        Assert.Null(record["F0000005"]);
    }

    [GeneratedRegex(@"^\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}:\d{2}$")]
    private static partial Regex H3DateFormat();
}
