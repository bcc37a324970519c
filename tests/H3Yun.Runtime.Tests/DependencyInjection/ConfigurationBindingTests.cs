using Microsoft.Extensions.Configuration;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// Every option reads from configuration as the options table of docs/client.md says, at the edges of what it accepts; a value out of
/// range is a problem that names its key and leaves the option as it was.
/// </summary>
public class ConfigurationBindingTests
{
    [Fact]
    public void Every_key_of_the_section_sets_its_option()
    {
        var options = new H3YunClientOptions();

        var problems = Bind(
            options,
            ("BaseAddress", "https://h3yun.example/prefix"),
            ("EngineCode", "  engine  "),
            ("EngineSecret", " not-a-real-secret "),
            ("RequestsPerSecond", "0.5"),
            ("RateLimitQueueLimit", "0"),
            ("Timeout", "00:00:00"),
            ("MaxRetryAttempts", "0"),
            ("RetryDelay", "00:00:00"),
            ("CreateBatchSize", "1"),
            ("MaxResponseBytes", "1"),
            ("TimeZone", "Asia/Tokyo"));

        Assert.Empty(problems);
        Assert.Equal(new Uri("https://h3yun.example/prefix"), options.BaseAddress);
        Assert.Equal(("engine", "not-a-real-secret"), (options.EngineCode, options.EngineSecret));
        Assert.Equal(0.5, options.RequestsPerSecond);
        Assert.Equal(0, options.RateLimitQueueLimit);
        Assert.Equal(TimeSpan.Zero, options.Timeout);
        Assert.Equal(0, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.Zero, options.RetryDelay);
        Assert.Equal(1, options.CreateBatchSize);
        Assert.Equal(1, options.MaxResponseBytes);
        Assert.Equal(H3YunTimeZones.Find("Asia/Tokyo"), options.TimeZone);
    }

    public static TheoryData<string, string> OutOfRange => new()
    {
        { "RequestsPerSecond", "0" },
        { "RateLimitQueueLimit", "-1" },
        { "Timeout", "-00:00:01" },
        { "MaxRetryAttempts", "-1" },
        { "RetryDelay", "-00:00:01" },
        { "CreateBatchSize", "0" },
        { "MaxResponseBytes", "0" },
        { "MaxResponseBytes", "many" },
        { "TimeZone", "Mars/Olympus" },
        { "BaseAddress", "ftp://h3yun.example" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_value_out_of_range_is_a_problem_naming_its_key_and_leaves_the_option_as_it_was(string key, string value)
    {
        var options = new H3YunClientOptions();
        var before = Snapshot(options);

        var problems = Bind(options, (key, value));

        Assert.Equal($"H3Yun:{key} is '{value}', which is not", Assert.Single(problems)[..$"H3Yun:{key} is '{value}', which is not".Length]);
        Assert.Equal(before, Snapshot(options));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("NULL")]
    public void No_rate_limit_is_written_none_or_null(string value)
    {
        var options = new H3YunClientOptions();

        Assert.Empty(Bind(options, ("RequestsPerSecond", value)));
        Assert.Null(options.RequestsPerSecond);
    }

    [Fact]
    public void An_unknown_key_is_named_with_the_list_of_the_options()
    {
        var problem = Assert.Single(Bind(new H3YunClientOptions(), ("EngineScret", "x")));

        Assert.StartsWith("H3Yun:EngineScret is not an H3Yun option. The options are BaseAddress, EngineCode, EngineSecret,", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_value_holding_the_secret_is_hidden_and_a_section_at_the_root_is_named_by_its_key()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["EngineSecret"] = "not-a-real-secret", ["Timeout"] = "not-a-real-secret!" })
            .Build();

        var problem = Assert.Single(H3YunConfiguration.Bind(configuration, new H3YunClientOptions()));

        Assert.Equal("Timeout is (hidden: it holds the EngineSecret), which is not a time span such as 00:01:00.", problem);
    }

    private static List<string> Bind(H3YunClientOptions options, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"H3Yun:{s.Key}", s.Value)))
            .Build();
        return H3YunConfiguration.Bind(configuration.GetSection("H3Yun"), options);
    }

    private static string Snapshot(H3YunClientOptions o) =>
        string.Join('|', o.BaseAddress, o.RequestsPerSecond, o.RateLimitQueueLimit, o.Timeout, o.MaxRetryAttempts, o.RetryDelay, o.CreateBatchSize, o.MaxResponseBytes, o.TimeZone.Id);
}
