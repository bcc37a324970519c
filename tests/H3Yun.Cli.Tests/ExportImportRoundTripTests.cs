using System.Globalization;
using CsCheck;
using H3Yun.Emulator;
using H3Yun.OpenApi;
using H3Yun.Spreadsheets;

namespace H3Yun.Cli.Tests;

/// <summary>
/// The promise of <c>h3yun export</c>: a file it writes, imported again with its key, changes nothing. Random records of
/// every kind a spreadsheet holds, child rows included, are written into the emulator, exported to .xlsx or .csv, and
/// imported back: the plan must hold them all unchanged, and H3Yun must receive no write.
/// </summary>
public class ExportImportRoundTripTests
{
    private const string AllTypes = "D000024AllTypes";
    private const string Rows = "D000024FAllTypesRows";

    private static readonly Gen<string?> Id = Maybe(Gen.Guid.Select(static id => id.ToString("D")));

    // Texts as people type them: Chinese and Latin, punctuation a CSV quotes, line breaks of every kind.
    private static readonly Gen<string?> Text = Maybe(OneOf("甲", "乙", "abc", "A,B", "\"引号\"", "；", "\n", "\r\n", "1", "-", "é")
        .Array[1, 6].Select(static parts => string.Concat(parts).Trim()).Where(static text => text.Length > 0));

    private static readonly Gen<decimal?> Number = Gen.OneOf(
        Gen.Int[-1_000_000, 1_000_000].Select(static i => (decimal)i),
        Gen.Int[-100_000_000, 100_000_000].Select(static i => i / 1000m),
        Gen.Double[-1e6, 1e6].Select(static d => Math.Round((decimal)d, 6))).Select(static d => (decimal?)d);

    private static readonly Gen<DateTime?> Date = Gen.OneOf(Gen.Const(default(DateTime?)), Gen.Int[0, 60 * 365 * 24 * 3600]
        .Select(static s => (DateTime?)new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddSeconds(s)));

    private static readonly Gen<Dictionary<string, object?>> Row = Gen.Select(Text, OneOf<string?>("A", "B", null), Number, Date, Id, Id)
        .Select((item, grade, quantity, date, handler, customer) => new Dictionary<string, object?>
        {
            ["F0000031"] = item,
            ["F0000032"] = grade,
            ["F0000033"] = quantity,
            ["F0000034"] = Write(date),
            ["F0000035"] = handler,
            ["F0000036"] = customer,
        });

    private static readonly Gen<Dictionary<string, object?>> Record = Gen.Select(
            Gen.Select(Text, OneOf<string?>("红", "绿", "蓝", null), OneOf<string?>("低", "中", "高", null), OneOf<string?>("周一", "周一;周五", "周三;周五", null)),
            Gen.Select(Number, Gen.OneOf(Gen.Const(default(int?)), Gen.Int[-100_000, 100_000].Select(static i => (int?)i)), Gen.OneOf(Gen.Const(default(long?)), Gen.Long[-9_007_199_254_740_000L, 9_007_199_254_740_000L].Select(static l => (long?)l)), Date),
            Gen.Select(Gen.OneOf(Gen.Const(default(bool?)), Gen.Bool.Select(static b => (bool?)b)), Id, Id.Array[0, 3], Id, Id),
            Row.List[0, 3])
        .Select((texts, numbers, ids, rows) => new Dictionary<string, object?>
        {
            ["F0000002"] = texts.Item1,
            ["F0000003"] = texts.Item2,
            ["F0000004"] = texts.Item3,
            ["F0000005"] = texts.Item4,
            ["F0000006"] = numbers.Item1,
            ["F0000007"] = numbers.Item2,
            ["F0000008"] = numbers.Item3,
            ["F0000009"] = Write(numbers.Item4),
            ["F0000010"] = ids.Item1,
            ["F0000011"] = ids.Item2,
            ["F0000012"] = string.Join(";", ids.Item3.OfType<string>()),
            ["F0000013"] = ids.Item4,
            ["F0000014"] = ids.Item5,
            [Rows] = rows.Cast<IReadOnlyDictionary<string, object?>>().ToList(),
        });

    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".csv")]
    public async Task An_exported_file_imported_with_its_key_changes_nothing(string extension)
    {
        await Record.List[1, 8].SampleAsync(async records =>
        {
            await using var site = await Site.StartAsync();
            for (var i = 0; i < records.Count; i++)
            {
                records[i]["F0000001"] = "K-" + i.ToString(CultureInfo.InvariantCulture);
            }

            using (var client = site.Client())
            {
                var written = await client.UpsertManyAsync(SpreadsheetForms.Shape(site.Schema), records, key: ["F0000001"]);
                Assert.All(written, result => Assert.Equal(UpsertOutcome.Created, result.Outcome));
            }

            var file = site.Folder.File("all" + extension);
            var export = await site.RunAsync("export", "--form", AllTypes, "--key", "单行文本", "--out", file);
            Assert.True(export.ExitCode == 0, export.All);
            var writes = site.Writes();

            var child = extension == ".csv" ? new[] { "--child", $"{Rows}={site.Folder.File("all.明细.csv")}" } : [];
            var import = await site.RunAsync(["import", file, "--form", AllTypes, "--key", "单行文本", .. child]);

            Assert.True(import.ExitCode == 0, import.All);
            Assert.True(import.Output.Contains($"Plan: 0 to create, 0 to update, {records.Count} unchanged", StringComparison.Ordinal), import.All);
            Assert.Equal(writes, site.Writes());
        }, iter: 12, threads: 1);
    }

    private static Gen<string?> Maybe(Gen<string> value) => Gen.Frequency((1, Gen.Const(default(string?))), (4, value.Select(static v => (string?)v)));

    private static Gen<T> OneOf<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static string? Write(DateTime? date) => date?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private sealed class MinuteBehind : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddMinutes(-1);
    }

    private sealed class Site(H3YunEmulator emulator, TempFolder folder) : IAsyncDisposable
    {
        public TempFolder Folder { get; } = folder;

        public string Schema => Folder.File("schemas/AllTypes.h3form.json");

        public static async Task<Site> StartAsync()
        {
            // An engine of its own: the process shares one rate budget per engine. The emulator's clock runs a minute
            // behind, so that the records are older than the 10 seconds an export leaves for writes still committing.
            var options = new H3YunEmulatorOptions { EngineCode = "round-trip-" + Guid.NewGuid().ToString("N"), Clock = new MinuteBehind() };
            var folder = new TempFolder();
            foreach (var name in new[] { "AllTypes.h3form.json", "Customer.h3form.json" })
            {
                options.SchemaFiles.Add(Cli.RepositorySchema(name));
                folder.Write("schemas/" + name, File.ReadAllText(Cli.RepositorySchema(name)));
            }

            return new Site(await H3YunEmulator.StartAsync(options), folder);
        }

        public H3YunClient Client() => new(new H3YunClientOptions { BaseAddress = emulator.BaseAddress, EngineCode = emulator.EngineCode, EngineSecret = emulator.EngineSecret, RequestsPerSecond = null });

        public Task<CliRun> RunAsync(params string[] args) => Cli.RunAsync(Folder.Path, Cli.EnvironmentFor(emulator), [.. args, "--requests-per-second", "1000"]);

        public int Writes() => emulator.Requests.Count(r => r.ActionName is OpenApiActions.CreateBizObjects or OpenApiActions.UpdateBizObject);

        public async ValueTask DisposeAsync()
        {
            await emulator.DisposeAsync();
            Folder.Dispose();
        }
    }
}
