using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using H3Yun.Emulator.Tests.TestSupport;
using Xunit;

namespace H3Yun.Emulator.Tests;

/// <summary>Faults for one action, and faults injected at random with a probability and a seed.</summary>
public class FaultTargetingTests
{
    private const string CreateBody = """
        {"ActionName":"CreateBizObject","SchemaCode":"FormA","BizObject":"{\"F0000001\":\"x\"}","IsSubmit":true}
        """;

    private const string QueryBody = """{"ActionName":"LoadBizObjects","SchemaCode":"FormA"}""";

    [Fact]
    public async Task A_fault_queued_for_one_action_waits_for_a_request_of_that_action()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.Enqueue(EmulatorFault.HttpStatus(503), "CreateBizObject");

        await api.SucceedAsync(QueryBody);
        await api.SucceedAsync(QueryBody);
        Assert.Equal(1, api.Emulator.Faults.Pending);
        using var create = await api.PostAsync(CreateBody, api.Emulator.EngineCode, api.Emulator.EngineSecret);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
        Assert.Equal(0, api.Emulator.Faults.Pending);
        Assert.Equal(0, api.Emulator.Count("FormA"));
    }

    [Fact]
    public async Task A_request_takes_the_first_queued_fault_that_matches_its_action()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.Enqueue(EmulatorFault.ApiError("for create"), "CreateBizObject");
        api.Emulator.Faults.Enqueue(EmulatorFault.ApiError("for anything"));

        var query = await api.FailAsync(QueryBody);
        var create = await api.FailAsync(CreateBody);

        Assert.Equal("for anything", query);
        Assert.Equal("for create", create);
    }

    [Fact]
    public async Task The_queue_lists_its_faults_in_order_with_their_actions()
    {
        await using var emulator = await H3YunEmulator.StartAsync();
        emulator.Faults.Enqueue(EmulatorFault.ApplyThenDropConnection(), "CreateBizObjects");
        emulator.Faults.EnqueueDelay(TimeSpan.FromSeconds(1));

        Assert.Equal(
            [("process, then drop the connection", "CreateBizObjects"), ("wait 1000 ms, then process", null)],
            emulator.Faults.Queued.Select(queued => (queued.Fault.ToString(), queued.ActionName)));
    }

    [Fact]
    public async Task Random_faults_hit_about_their_probability_and_only_their_action()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.InjectRandomly(EmulatorFault.ApiError("random"), 0.5, seed: 42, actionName: "CreateBizObject");

        var hits = await HitsAsync(api, 60);
        for (var i = 0; i < 10; i++)
        {
            await api.SucceedAsync(QueryBody);
        }

        Assert.InRange(hits.Count(hit => hit), 15, 45);
        Assert.Equal(hits.Count(hit => !hit), api.Emulator.Count("FormA"));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_faults_in_every_run_and_another_seed_others()
    {
        var first = await RunAsync(seed: 7);
        var again = await RunAsync(seed: 7);
        var other = await RunAsync(seed: 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);

        static async Task<List<bool>> RunAsync(int seed)
        {
            await using var api = await EmulatorSession.StartAsync();
            api.Emulator.Faults.InjectRandomly(EmulatorFault.ApiError("random"), 0.3, seed);
            return await HitsAsync(api, 40);
        }
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 20)]
    public async Task Probability_zero_never_hits_and_one_always_does(double probability, int expectedHits)
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.InjectRandomly(EmulatorFault.ApiError("random"), probability, seed: 1);

        var hits = await HitsAsync(api, 20);

        Assert.Equal(expectedHits, hits.Count(hit => hit));
    }

    [Fact]
    public async Task Queued_faults_come_before_random_ones_and_Clear_drops_both()
    {
        await using var api = await EmulatorSession.StartAsync();
        api.Emulator.Faults.InjectRandomly(EmulatorFault.ApiError("random"), 1.0, seed: 1);
        api.Emulator.Faults.EnqueueApiError("queued");

        Assert.Equal("queued", await api.FailAsync(CreateBody));
        Assert.Equal("random", await api.FailAsync(CreateBody));
        Assert.Single(api.Emulator.Faults.RandomRules);
        api.Emulator.Faults.Clear();

        await api.SucceedAsync(CreateBody);
        Assert.Empty(api.Emulator.Faults.RandomRules);
    }

    [Fact]
    public async Task Impossible_random_rules_are_refused()
    {
        await using var emulator = await H3YunEmulator.StartAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults.InjectRandomly(EmulatorFault.ConnectionReset(), 1.5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults.InjectRandomly(EmulatorFault.ConnectionReset(), double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.SlowBody(TimeSpan.FromMilliseconds(1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.ApplyThenHttpStatus(99));
        Assert.Empty(emulator.Faults.RandomRules);
    }

    private static async Task<List<bool>> HitsAsync(EmulatorSession api, int count)
    {
        var hits = new List<bool>();
        for (var i = 0; i < count; i++)
        {
            var envelope = await api.InvokeAsync(CreateBody);
            hits.Add(!(bool)envelope["Successful"]!);
        }

        return hits;
    }
}
