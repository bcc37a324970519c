using System.Buffers;
using System.Text;

namespace H3Yun.Runtime.Tests;

/// <summary>
/// The members of <see cref="System.Text.Encodings.Web.TextEncoder"/> that the client's escaping overrides and
/// Utf8JsonWriter does not call on the path it takes today, held to their contract directly: a later framework may
/// call them.
/// </summary>
public class JsonEncoderContractTests
{
    private static readonly JsonOnlyEscaping Encoder = JsonOnlyEscaping.Instance;

    [Fact]
    public void It_escapes_exactly_the_quotation_mark_the_backslash_and_the_controls()
    {
        var escaped = Enumerable.Range(0, 0x110000).Where(Encoder.WillEncode).ToList();

        Assert.Equal([.. Enumerable.Range(0, 0x20), '"', '\\'], escaped);
    }

    [Theory]
    [InlineData('A', "A")]
    [InlineData('上', "上")]
    [InlineData(0x1F600, "😀")]
    [InlineData('"', "\\\"")]
    [InlineData('\\', "\\\\")]
    [InlineData('\n', "\\n")]
    [InlineData(0x1F, "\\u001F")]
    public void A_scalar_is_written_as_itself_or_as_its_escape(int scalar, string expected)
    {
        Assert.True(TryEncode(scalar, 8, out var written));
        Assert.Equal(expected, written);
    }

    [Theory]
    [InlineData('"', 1)]
    [InlineData(0x1F, 5)]
    [InlineData(0x1F600, 1)]
    public void A_scalar_that_does_not_fit_is_not_written(int scalar, int room)
    {
        Assert.False(TryEncode(scalar, room, out var written));
        Assert.Equal(string.Empty, written);
    }

    [Fact]
    public void A_surrogate_is_not_a_scalar_and_is_not_written() => Assert.False(TryEncode(0xD800, 8, out _));

    [Fact]
    public void A_lone_surrogate_before_more_text_is_replaced_even_in_a_block_that_is_not_the_last()
    {
        // Not theory data: a lone surrogate does not survive the test runner's serialization of its arguments.
        (string Text, string Expected)[] cases = [("\uD800A", "\uFFFDA"), ("a\uDC00", "a\uFFFD"), ("\uD800\"", "\uFFFD\\\"")];
        foreach (var (text, expected) in cases)
        {
            var destination = new char[32];

            var status = Encoder.Encode(text, destination, out var consumed, out var written, isFinalBlock: false);

            Assert.Equal(OperationStatus.Done, status);
            Assert.Equal(text.Length, consumed);
            Assert.Equal(expected, new string(destination, 0, written));
        }
    }

    private static unsafe bool TryEncode(int scalar, int room, out string written)
    {
        var buffer = new char[room];
        fixed (char* start = buffer)
        {
            var encoded = Encoder.TryEncodeUnicodeScalar(scalar, start, room, out var count);
            written = new string(buffer, 0, count);
            return encoded;
        }
    }
}
