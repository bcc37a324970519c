using System.Buffers;
using System.Text.Unicode;
using BenchmarkDotNet.Attributes;
using H3Yun.Benchmarks.Records;

namespace H3Yun.Benchmarks;

/// <summary>
/// Transcoding the texts of one benchmark record (its 20 texts and memos and the 60 of its rows, Chinese with ASCII
/// between) to UTF-8 and finding whether JSON must escape any of them: the record writer's one pass against what it
/// did before, a search for a character to escape and then <see cref="Utf8.FromUtf16"/>; and the same texts as one
/// long text, which shows the cost of a text apart from that of its characters.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class TranscodeBenchmarks
{
    private readonly byte[] _destination = new byte[4096];
    private string[] _texts = [];
    private string _oneLongText = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var texts = new List<string>();
        for (var field = 0; field < 16; field++)
        {
            texts.Add(SampleValues.Text(field, 7));
        }

        for (var field = 16; field < 20; field++)
        {
            texts.Add(SampleValues.Memo(field, 7));
        }

        for (var row = 0; row < BenchOrderSamples.LineCount; row++)
        {
            texts.Add(SampleValues.Text(100, row));
            texts.Add(SampleValues.Text(101, row));
            texts.Add(SampleValues.Memo(102, row));
        }

        _texts = [.. texts];
        _oneLongText = string.Concat(texts)[..1300];
        if (SearchThenTranscode() != OnePass())
        {
            throw new InvalidOperationException("The two ways transcode the texts to different lengths.");
        }
    }

    [Benchmark(Baseline = true, Description = "search for a character to escape, then Utf8.FromUtf16")]
    public int SearchThenTranscode()
    {
        var total = 0;
        foreach (var text in _texts)
        {
            if (text.AsSpan().ContainsAny(HandWrittenUtf8Way.ToEscape))
            {
                return -1;
            }

            Utf8.FromUtf16(text, _destination, out _, out var written, replaceInvalidSequences: false);
            total += written;
        }

        return total;
    }

    [Benchmark(Description = "1,300 characters of those texts as one, Utf8.FromUtf16")]
    public int OneLongTextUtf8() =>
        Utf8.FromUtf16(_oneLongText, _destination, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done ? written : -1;

    [Benchmark(Description = "1,300 characters of those texts as one, JsonTextTranscoder")]
    public int OneLongText() => JsonTextTranscoder.TryTranscode(_oneLongText, _destination);

    [Benchmark(Description = "JsonTextTranscoder, one pass")]
    public int OnePass()
    {
        var total = 0;
        foreach (var text in _texts)
        {
            total += JsonTextTranscoder.TryTranscode(text, _destination);
        }

        return total;
    }
}
