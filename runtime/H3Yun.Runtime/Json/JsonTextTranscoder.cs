using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace H3Yun;

/// <summary>
/// Transcodes a record's text from UTF-16 to UTF-8 when JSON need not escape any of it, and finds out whether it must,
/// in one pass of eight characters at a time, whatever their mix of ASCII and Chinese. A record's texts are short and
/// mostly three-byte characters with ASCII between, where the general transcoder goes one character at a time: that
/// was a fifth of writing a record (CHANGELOG.md). Each character's bytes are computed side by side, spread
/// into a lane of 32 bits each, and a shuffle picked by the lanes' lengths packs them together, as simdutf does. A
/// block holding a surrogate goes one character at a time.
/// </summary>
internal static class JsonTextTranscoder
{
    /// <summary>
    /// The room beyond three bytes a character that the block-wise path needs: a block's last store may reach past its
    /// bytes. With less, text goes one character at a time.
    /// </summary>
    public const int Slack = 32;

    private const int BlockLength = 8;

    // For each pair of 4-bit masks of four lanes (at least two bytes; three bytes), the shuffle that packs the lanes'
    // bytes together (0x80 picks a zero).
    private static readonly byte[] PackShuffles = CreatePackShuffles();

    // For each number of lanes, the shuffle that moves a block's characters down by as many.
    private static readonly byte[] ShiftDownShuffles = CreateShiftDownShuffles();

    private static bool IsAccelerated => Vector128.IsHardwareAccelerated && (Ssse3.IsSupported || AdvSimd.Arm64.IsSupported);

    /// <summary>
    /// Writes the UTF-8 of <paramref name="text"/> at the start of <paramref name="destination"/>, which has room for
    /// three bytes a character, and returns how many bytes that is; or -1 when the text holds a character JSON must
    /// escape or a lone surrogate, and what was written is not to be kept.
    /// </summary>
    public static int TryTranscode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (destination.Length < text.Length * 3)
        {
            ThrowNoRoom();
        }

        return IsAccelerated && destination.Length >= (text.Length * 3) + Slack
            ? ByBlocks(text, destination)
            : OneByOne(text, destination);
    }

    // Apart, so that building the exception is not inlined with the check into every writer of text.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNoRoom() =>
        throw new ArgumentException("The destination has no room for three bytes a character.", "destination");

    /// <summary>The same, one character at a time: what machines without the shuffle run, and a block with a surrogate.</summary>
    internal static int OneByOne(ReadOnlySpan<char> text, Span<byte> destination) =>
        OneByOne(text, destination, 0, 0, text.Length, out _);

    // Not inlined into every writer of text: a copy of the loop at each call site made the record's code too big.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ByBlocks(ReadOnlySpan<char> text, Span<byte> destination)
    {
        // Text shorter than a block would have to be copied into one, which costs more than it saves.
        if (text.Length < BlockLength)
        {
            return OneByOne(text, destination);
        }

        ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        ref var target = ref MemoryMarshal.GetReference(destination);

        // Kept in registers: a position that a callee could change would be stored and loaded again at every step.
        var read = 0;
        var written = 0;
        while (read < text.Length)
        {
            var count = Math.Min(BlockLength, text.Length - read);
            var chars = count == BlockLength
                ? Vector128.LoadUnsafe(ref source, (nuint)read)
                : Shuffle(Vector128.LoadUnsafe(ref source, (nuint)(text.Length - BlockLength)).AsByte(), ShiftDown(BlockLength - count)).AsUInt16();
            if (Vector128.EqualsAny(chars & Vector128.Create((ushort)0xF800), Vector128.Create((ushort)0xD800)))
            {
                written = OneByOne(text, destination, read, written, read + count, out var readTo);
                if (written < 0)
                {
                    return -1;
                }

                read = readTo;
                continue;
            }

            var lanes = Vector128.LessThan(Vector128.Create((ushort)0, 1, 2, 3, 4, 5, 6, 7), Vector128.Create((ushort)count));
            var toEscape = Vector128.LessThan(chars, Vector128.Create((ushort)0x20))
                | Vector128.Equals(chars, Vector128.Create((ushort)'"'))
                | Vector128.Equals(chars, Vector128.Create((ushort)'\\'));
            if ((toEscape & lanes) != Vector128<ushort>.Zero)
            {
                return -1;
            }

            var twoOrMore = Vector128.GreaterThanOrEqual(chars, Vector128.Create((ushort)0x80)).ExtractMostSignificantBits();
            if (twoOrMore == 0)
            {
                Vector128.Narrow(chars, chars).StoreUnsafe(ref target, (nuint)written);
                written += count;
            }
            else
            {
                // The lengths are counted from the masks, not looked up, so that the next block's stores wait on an
                // addition only.
                var three = Vector128.GreaterThanOrEqual(chars, Vector128.Create((ushort)0x800)).ExtractMostSignificantBits();
                var firstHalf = (BlockLength / 2) + BitOperations.PopCount(twoOrMore & 0xF) + BitOperations.PopCount(three & 0xF);
                var (low, high) = Utf8Lanes(chars);
                Pack(low, (twoOrMore & 0xF) | ((three & 0xF) << 4), ref target, written);
                Pack(high, (twoOrMore >> 4) | (three & 0xF0), ref target, written + firstHalf);
                written += count + BitOperations.PopCount(twoOrMore) + BitOperations.PopCount(three);
            }

            read += count;
        }

        return written;
    }

    // The last block of a text, loaded from the text's end, moved down by the characters already written: the lanes
    // above then hold zeros, ASCII of one byte each, which are written after its bytes and not counted.
    private static Vector128<byte> ShiftDown(int lanes) =>
        Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(ShiftDownShuffles), (nuint)(lanes * 16));

    private static Vector128<byte> Shuffle(Vector128<byte> bytes, Vector128<byte> shuffle) =>
        Ssse3.IsSupported ? Ssse3.Shuffle(bytes, shuffle) : AdvSimd.Arm64.VectorTableLookup(bytes, shuffle);

    // Each character's UTF-8 in the low bytes of a lane of 32 bits, as many as it takes: its first two bytes and its
    // third computed for all eight characters in lanes of 16 bits, then interleaved.
    private static (Vector128<byte> Low, Vector128<byte> High) Utf8Lanes(Vector128<ushort> chars)
    {
        var last = (chars & Vector128.Create((ushort)0x3F)) | Vector128.Create((ushort)0x80);
        var middle = ((chars >>> 6) & Vector128.Create((ushort)0x3F)) | Vector128.Create((ushort)0x80);
        var two = (chars >>> 6) | Vector128.Create((ushort)0xC0) | (last << 8);
        var three = (chars >>> 12) | Vector128.Create((ushort)0xE0) | (middle << 8);
        var firstTwo = Vector128.ConditionalSelect(
            Vector128.LessThan(chars, Vector128.Create((ushort)0x80)),
            chars,
            Vector128.ConditionalSelect(Vector128.LessThan(chars, Vector128.Create((ushort)0x800)), two, three));
        return Sse2.IsSupported
            ? (Sse2.UnpackLow(firstTwo, last).AsByte(), Sse2.UnpackHigh(firstTwo, last).AsByte())
            : (AdvSimd.Arm64.ZipLow(firstTwo, last).AsByte(), AdvSimd.Arm64.ZipHigh(firstTwo, last).AsByte());
    }

    // Stores the lanes' bytes packed together, sixteen bytes whatever their length.
    private static void Pack(Vector128<byte> lanes, uint shape, ref byte target, int at)
    {
        var shuffle = Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(PackShuffles), shape * 16);
        Shuffle(lanes, shuffle).StoreUnsafe(ref target, (nuint)at);
    }

    private static int OneByOne(ReadOnlySpan<char> text, Span<byte> destination, int read, int written, int end, out int readTo)
    {
        readTo = read;
        while (read < end)
        {
            uint c = text[read++];
            if (c < 0x80)
            {
                if (c < 0x20 || c == '"' || c == '\\')
                {
                    return -1;
                }

                destination[written++] = (byte)c;
            }
            else if (c < 0x800)
            {
                destination[written++] = (byte)(0xC0 | (c >> 6));
                destination[written++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (c - 0xD800 >= 0x800)
            {
                destination[written++] = (byte)(0xE0 | (c >> 12));
                destination[written++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                destination[written++] = (byte)(0x80 | (c & 0x3F));
            }
            else
            {
                if (c >= 0xDC00 || read == text.Length || (uint)(text[read] - 0xDC00) >= 0x400)
                {
                    return -1;
                }

                var scalar = 0x10000 + ((c - 0xD800) << 10) + (text[read++] - 0xDC00u);
                destination[written++] = (byte)(0xF0 | (scalar >> 18));
                destination[written++] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                destination[written++] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                destination[written++] = (byte)(0x80 | (scalar & 0x3F));
            }
        }

        readTo = read;
        return written;
    }

    private static byte[] CreatePackShuffles()
    {
        var shuffles = new byte[256 * 16];
        shuffles.AsSpan().Fill(0x80);
        for (var shape = 0; shape < 256; shape++)
        {
            var length = 0;
            for (var lane = 0; lane < 4; lane++)
            {
                for (var b = 0; b < LaneLength(shape, lane); b++)
                {
                    shuffles[(shape * 16) + length++] = (byte)((lane * 4) + b);
                }
            }
        }

        return shuffles;
    }

    private static byte[] CreateShiftDownShuffles()
    {
        var shuffles = new byte[BlockLength * 16];
        for (var lanes = 0; lanes < BlockLength; lanes++)
        {
            for (var b = 0; b < 16; b++)
            {
                var from = b + (lanes * sizeof(char));
                shuffles[(lanes * 16) + b] = from < 16 ? (byte)from : (byte)0x80;
            }
        }

        return shuffles;
    }

    // A lane's character takes two bytes or more when its bit of the low half of shape is set, three when that of the high half is.
    private static int LaneLength(int shape, int lane) => 1 + ((shape >> lane) & 1) + ((shape >> (lane + 4)) & 1);
}
