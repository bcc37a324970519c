using System;
using System.Collections.Generic;

namespace H3Yun.Emulator;

/// <summary>
/// The behaviours an instance was started with, copied from <see cref="H3YunEmulatorOptions"/> once at start and
/// validated there, so that changing the options object afterwards cannot half-change a running emulator.
/// </summary>
internal sealed record EmulatorSettings(
    ChildRowUpdateMode ChildRows,
    MissingRecordAnswer MissingRecord,
    double? RateLimit,
    RateLimitRefusal RateLimitRefusal,
    int? RequestLogLimit,
    bool Strict,
    IReadOnlyDictionary<string, TitleTemplate> TitleTemplates,
    TimeProvider Clock,
    bool ListAttachmentsInReads = true)
{
    public Actions.ReadStyle ReadStyle { get; } = new(Strict, Strict) { ListsAttachments = ListAttachmentsInReads };

    public static EmulatorSettings From(H3YunEmulatorOptions options)
    {
        if (options.RateLimit is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), rate, "RateLimit must be a positive number of requests per second, or null for no limit.");
        }

        if (options.RequestLogLimit is { } limit && limit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), limit, "RequestLogLimit must be at least 1, or null to keep every request.");
        }

        var templates = new Dictionary<string, TitleTemplate>(StringComparer.Ordinal);
        foreach (var (schemaCode, template) in options.TitleTemplates)
        {
            templates[schemaCode] = TitleTemplate.Parse(template, schemaCode);
        }

        return new(
            Defined(options.ChildRowUpdates, nameof(options.ChildRowUpdates)),
            Defined(options.MissingRecord ?? (options.Strict ? MissingRecordAnswer.NotFoundError : MissingRecordAnswer.NullBizObject), nameof(options.MissingRecord)),
            options.RateLimit,
            Defined(options.RateLimitRefusal, nameof(options.RateLimitRefusal)),
            options.RequestLogLimit,
            options.Strict,
            templates,
            options.Clock ?? throw new ArgumentNullException(nameof(options), "Clock cannot be null; leave it at TimeProvider.System."),
            options.ListAttachmentsInReads);
    }

    private static T Defined<T>(T value, string name)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"{name} is not a {typeof(T).Name} value.");
}
