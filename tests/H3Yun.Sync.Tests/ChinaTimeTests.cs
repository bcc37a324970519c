using H3Yun.Sync.Windows;

namespace H3Yun.Sync.Tests;

/// <summary>H3Yun's clock as the copy reads and writes it: China time, whole seconds, no offset.</summary>
public class ChinaTimeTests
{
    private static readonly DateTime TenOClock = new(2026, 5, 1, 10, 0, 0);

    [Theory]
    [InlineData("2026/5/1 10:00:00")]
    [InlineData("2026-05-01 10:00:00")]
    [InlineData("2026-5-1 10:00:00")]
    [InlineData("2026/5/1 10:00")]
    [InlineData("2026-05-01T10:00:00")]
    [InlineData("2026-05-01T10:00:00.0000000")]
    [InlineData(" 2026-05-01 10:00:00 ")]
    [InlineData("2026-05-01T02:00:00Z")]
    [InlineData("2026-05-01T10:00:00+08:00")]
    [InlineData("2026-04-30T21:00:00-05:00")]
    public void Every_form_H3Yun_answers_with_reads_as_the_same_China_time(string text)
    {
        Assert.True(ChinaTime.TryParse(text, out var value));

        Assert.Equal(TenOClock, value);
        Assert.Equal(DateTimeKind.Unspecified, value.Kind);
    }

    [Theory]
    [InlineData("2026/5/1")]
    [InlineData("2026-05-01")]
    public void A_date_alone_reads_as_its_midnight(string text)
    {
        Assert.True(ChinaTime.TryParse(text, out var value));

        Assert.Equal(new DateTime(2026, 5, 1), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("tomorrow")]
    [InlineData("2026-13-01 10:00:00")]
    [InlineData("May 1, 2026 10:00")]
    public void Anything_else_does_not_read(string? text)
    {
        Assert.False(ChinaTime.TryParse(text, out var value));

        Assert.Equal(default, value);
    }

    [Fact]
    public void An_instant_becomes_China_time_cut_to_the_second_and_is_written_without_an_offset()
    {
        var instant = new DateTimeOffset(2026, 5, 1, 2, 0, 0, 999, TimeSpan.Zero).AddTicks(9999);

        var time = ChinaTime.FromInstant(instant);

        Assert.Equal(TenOClock, time);
        Assert.Equal(DateTimeKind.Unspecified, time.Kind);
        Assert.Equal("2026-05-01 10:00:00", ChinaTime.Format(time));
        Assert.Equal(TimeSpan.FromHours(8), ChinaTime.Offset);
    }

    [Fact]
    public void A_window_shows_its_seconds_and_whether_it_is_open_below()
    {
        var window = new TimeWindow(TenOClock, TenOClock.AddMinutes(2));
        var open = new TimeWindow(DateTime.MinValue, TenOClock);

        Assert.Equal("[2026-05-01 10:00:00, 2026-05-01 10:02:00)", window.ToString());
        Assert.Equal(120, window.Seconds);
        Assert.False(window.IsOpenBelow);
        Assert.Equal("[-, 2026-05-01 10:00:00)", open.ToString());
        Assert.True(open.IsOpenBelow);
    }
}
