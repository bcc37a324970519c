using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>
/// The emulator's public API as a library: each fault says what it does and whether the request is processed first,
/// and a wrong argument is refused at the call, naming the parameter, not later inside a request.
/// </summary>
public class EmulatorApiTests
{
    public static TheoryData<string, bool, string> Faults => new()
    {
        { "HttpStatus", false, "HTTP 503, Retry-After 1.5 s, not processed" },
        { "ApiError", false, "Successful:false \"busy\", not processed" },
        { "MalformedResponse", false, "HTTP 200 with a raw body of 3 chars, not processed" },
        { "Delay", true, "wait 20 ms, then process" },
        { "ConnectionReset", false, "reset the connection, not processed" },
        { "SlowBody", true, "process, then send the body 4 bytes every 5 ms" },
        { "ApplyThenHttpStatus", true, "process, then answer HTTP 502" },
        { "ApplyThenDropConnection", true, "process, then drop the connection" },
        { "ApplyThenDelay", true, "process, then wait 30 ms before answering" },
    };

    private static readonly Dictionary<string, Func<EmulatorFault>> Make = new()
    {
        ["HttpStatus"] = () => EmulatorFault.HttpStatus(503, retryAfter: TimeSpan.FromSeconds(1.5)),
        ["ApiError"] = () => EmulatorFault.ApiError("busy"),
        ["MalformedResponse"] = () => EmulatorFault.MalformedResponse("{x:"),
        ["Delay"] = () => EmulatorFault.Delay(TimeSpan.FromMilliseconds(20)),
        ["ConnectionReset"] = EmulatorFault.ConnectionReset,
        ["SlowBody"] = () => EmulatorFault.SlowBody(TimeSpan.FromMilliseconds(5), 4),
        ["ApplyThenHttpStatus"] = () => EmulatorFault.ApplyThenHttpStatus(502),
        ["ApplyThenDropConnection"] = EmulatorFault.ApplyThenDropConnection,
        ["ApplyThenDelay"] = () => EmulatorFault.ApplyThenDelay(TimeSpan.FromMilliseconds(30)),
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Each_fault_says_what_it_does_and_whether_the_request_is_processed(string fault, bool processes, string description)
    {
        var made = Make[fault]();

        Assert.Equal(processes, made.ProcessesRequest);
        Assert.Equal(description, made.ToString());
    }

    [Fact]
    public void A_faults_wrong_argument_is_refused_naming_it()
    {
        Assert.Equal("status", Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.HttpStatus(600)).ParamName);
        Assert.Equal("status", Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.ApplyThenHttpStatus(99)).ParamName);
        Assert.Equal("retryAfter", Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.HttpStatus(503, retryAfter: TimeSpan.FromSeconds(-1))).ParamName);
        Assert.Equal("errorMessage", Assert.Throws<ArgumentNullException>(() => EmulatorFault.ApiError(null!)).ParamName);
        Assert.Equal("rawBody", Assert.Throws<ArgumentNullException>(() => EmulatorFault.MalformedResponse(null!)).ParamName);
        Assert.Equal("delay", Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Delay(TimeSpan.FromMilliseconds(-1))).ParamName);
        Assert.Equal("delayPerChunk", Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.SlowBody(TimeSpan.FromMilliseconds(-1))).ParamName);
        Assert.Equal("delay", Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.ApplyThenDelay(TimeSpan.FromMilliseconds(-1))).ParamName);
    }

    [Fact]
    public async Task The_emulators_methods_refuse_a_missing_argument_naming_it()
    {
        await using var emulator = await H3YunEmulator.StartAsync();

        Assert.Equal("schemaCode", Assert.Throws<ArgumentNullException>(() => emulator.Count(null!)).ParamName);
        Assert.Equal("schemaCode", Assert.Throws<ArgumentNullException>(() => emulator.Find(null!, "id")).ParamName);
        Assert.Equal("objectId", Assert.Throws<ArgumentNullException>(() => emulator.Find("FormA", null!)).ParamName);
        Assert.Equal("schemaCode", Assert.Throws<ArgumentNullException>(() => emulator.Attachments(null!, "id")).ParamName);
        Assert.Equal("bizObjectId", Assert.Throws<ArgumentNullException>(() => emulator.Attachments("FormA", null!)).ParamName);
        Assert.Equal("attachmentId", Assert.Throws<ArgumentNullException>(() => emulator.AttachmentContent(null!)).ParamName);
        Assert.Equal("seed", (await Assert.ThrowsAsync<ArgumentNullException>(() => emulator.ImportAsync((Stream)null!))).ParamName);
        Assert.Equal("seedFile", (await Assert.ThrowsAsync<ArgumentException>(() => emulator.ImportAsync(" "))).ParamName);
        Assert.Equal("destination", (await Assert.ThrowsAsync<ArgumentNullException>(() => emulator.ExportAsync(null!))).ParamName);
        Assert.Equal("dataFile", (await Assert.ThrowsAsync<ArgumentException>(() => H3YunEmulator.ExportDataFileAsync(" ", Stream.Null))).ParamName);
        Assert.Equal("destination", (await Assert.ThrowsAsync<ArgumentNullException>(() => H3YunEmulator.ExportDataFileAsync("copy.db", null!))).ParamName);
    }

    [Fact]
    public async Task Options_without_an_EngineCode_or_with_a_negative_port_are_refused_at_start()
    {
        Assert.Equal("options", (await Assert.ThrowsAsync<ArgumentException>(() => H3YunEmulator.StartAsync(new H3YunEmulatorOptions { EngineCode = " " }))).ParamName);
        Assert.Equal("options", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => H3YunEmulator.StartAsync(new H3YunEmulatorOptions { Port = -1 }))).ParamName);
    }
}
