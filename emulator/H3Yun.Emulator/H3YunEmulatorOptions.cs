using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace H3Yun.Emulator;

/// <summary>Settings for one <see cref="H3YunEmulator"/> instance.</summary>
public sealed class H3YunEmulatorOptions
{
    /// <summary>The <c>EngineCode</c> header value the emulator accepts. Defaults to <c>emulator-engine</c>.</summary>
    public string EngineCode { get; set; } = "emulator-engine";

    /// <summary>
    /// The <c>EngineSecret</c> header value the emulator accepts.
    /// <see langword="null"/> (the default) makes each instance generate a random secret, so no secret is ever fixed in code.
    /// </summary>
    public string? EngineSecret { get; set; }

    /// <summary>
    /// Paths of <c>*.h3form.json</c> schema files. When empty the emulator runs schema-less: any SchemaCode is
    /// accepted and field values are stored as sent. When not empty, only these forms exist and writes are validated.
    /// </summary>
    public IList<string> SchemaFiles { get; } = new List<string>();

    /// <summary>
    /// The SQLite file that holds the records and attachments, created when missing; a relative path is taken from
    /// the current directory. Data in it survives restarts and schema changes. <see langword="null"/> (the default)
    /// keeps everything in memory, for tests: each instance starts empty.
    /// </summary>
    public string? DataFile { get; set; }

    /// <summary>
    /// Seed files (<c>h3yun-emulator export</c> writes them) imported at start, in order, after the data file is
    /// opened: their records replace stored ones with the same ObjectId, so a seed imported at every start does not
    /// duplicate. A relative path is taken from the current directory.
    /// </summary>
    public IList<string> SeedFiles { get; } = new List<string>();

    /// <summary>The loopback port to listen on; 0 (the default) lets the operating system pick a free port.</summary>
    public int Port { get; set; }

    /// <summary>
    /// What UpdateBizObject does with a child table it is sent; H3Yun does not document it. Defaults to
    /// <see cref="ChildRowUpdateMode.Replace"/>, the backend's own semantics and the strictest for a client.
    /// </summary>
    public ChildRowUpdateMode ChildRowUpdates { get; set; } = ChildRowUpdateMode.Replace;

    /// <summary>
    /// How LoadBizObject answers an id that names no record; H3Yun does not document it. <see langword="null"/> (the
    /// default) answers <see cref="MissingRecordAnswer.NullBizObject"/>, or <see cref="MissingRecordAnswer.NotFoundError"/>
    /// under <see cref="Strict"/>.
    /// </summary>
    public MissingRecordAnswer? MissingRecord { get; set; }

    /// <summary>
    /// Whether reads list the files of attachment and image fields (the default). H3Yun documents no read format for
    /// them, so a client must also work when they come back empty: set <see langword="false"/> to test that it does.
    /// </summary>
    public bool ListAttachmentsInReads { get; set; } = true;

    /// <summary>
    /// Enforces H3Yun's documented budget (1–2 calls per second) per EngineCode when set: a burst of up to this many
    /// requests, then one every 1/rate seconds; the excess is refused as <see cref="RateLimitRefusal"/> says and not
    /// processed. <see langword="null"/> (the default) enforces nothing.
    /// </summary>
    public double? RateLimit { get; set; }

    /// <summary>How a request over <see cref="RateLimit"/> is refused; <see cref="RateLimitRefusal.ApiError"/> by default.</summary>
    public RateLimitRefusal RateLimitRefusal { get; set; } = RateLimitRefusal.ApiError;

    /// <summary>
    /// How many requests <see cref="H3YunEmulator.Requests"/> keeps, oldest dropped first; <see langword="null"/>
    /// (the default) keeps every one, as tests that count requests need.
    /// </summary>
    public int? RequestLogLimit { get; set; }

    /// <summary>The AppCode hosted when <see cref="AppCodes"/> is empty and no custom API names an app.</summary>
    public const string DefaultAppCode = "D000024Emulator";

    /// <summary>
    /// The apps (AppCodes) whose custom APIs this emulator answers; a call naming another AppCode is refused. Apps
    /// named by <see cref="CustomApis"/> registrations are hosted too; when there are none at all,
    /// <see cref="DefaultAppCode"/> is.
    /// </summary>
    public IList<string> AppCodes { get; } = new List<string>();

    /// <summary>The custom APIs (自定义接口) to answer, by AppCode + Controller + ActionName; none by default.</summary>
    public CustomApiCollection CustomApis { get; } = new();

    /// <summary>
    /// Behave like a tenant where the emulator is otherwise kinder: SortByCollection is ignored (H3Yun documents it as
    /// unsupported); number fields read back as numeric strings (as a captured read shows); negated operators follow
    /// SQL's NULL semantics (a record without the value matches neither "equal" nor "not equal"); every record's
    /// <c>Name</c> comes from its form's title template; only forms whose schema file lists <c>SeqNo</c> number their
    /// records; and LoadBizObject of a missing record answers <c>业务对象不存在</c> unless <see cref="MissingRecord"/> says otherwise.
    /// </summary>
    public bool Strict { get; set; }

    /// <summary>
    /// Title (数据标题) templates by SchemaCode, e.g. <c>"{F0000001}-{F0000003}"</c>: each <c>{FieldCode}</c> becomes the
    /// field's value (people and departments as display names), <c>{CreatedBy}</c> the creator's name and
    /// <c>{FormName}</c> the form's display name; <c>{{</c> and <c>}}</c> write braces. A form with a template gets its
    /// record's <c>Name</c> from it after every write; under <see cref="Strict"/> a form without one uses
    /// <see cref="TitleTemplate.Default"/>.
    /// </summary>
    public IDictionary<string, string> TitleTemplates { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Configures the emulator's logging, e.g. <c>logging => logging.AddSimpleConsole()</c>; by default the emulator
    /// logs nothing. One line per request goes to the category <c>H3Yun.Emulator.Requests</c> at Information level:
    /// sequence number, action, form, outcome, HTTP status and duration.
    /// </summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>An optional logger for the emulator's web host; by default the emulator logs nothing.</summary>
    public ILoggerProvider? LoggerProvider { get; set; }

    /// <summary>
    /// The clock that stamps <c>CreatedTime</c> and <c>ModifiedTime</c> (to the second, in China time, as H3Yun does).
    /// Defaults to <see cref="TimeProvider.System"/>; a test gives a clock it controls (e.g. <c>FakeTimeProvider</c>)
    /// to put many writes into one second or to move time between writes.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
