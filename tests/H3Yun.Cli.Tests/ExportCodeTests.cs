using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using H3Yun.Cli.Schemas;
using H3Yun.Emulator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace H3Yun.Cli.Tests;

/// <summary>
/// The class <c>h3yun schema export-code</c> prints is C# that H3Yun's backend compiles (C# 5: explicit types, no
/// interpolation), uses only the documented backend members, and answers exactly what the emulator's built-in export
/// answers, so that what the tests prove against the emulator holds for the class pasted into H3Yun. H3Yun's backend
/// types are stand-ins written from H3Yun's published backend documentation (docs/protocol.md#form-schemas).
/// </summary>
public class ExportCodeTests
{
    private static readonly string[] Forms = ["SalesOrder.h3form.json", "Customer.h3form.json", "AllTypes.h3form.json"];

    [Fact]
    public async Task The_printed_class_answers_every_form_exactly_as_the_emulator_does()
    {
        var expected = await EmulatorAnswerAsync(schemaCodes: "");

        var actual = RunPrintedClass(schemaCodes: "", withAssociationMember: true, out var errors);

        Assert.Empty(errors);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"emulator:\n{expected}\nclass:\n{actual}");
    }

    [Fact]
    public async Task The_printed_class_answers_named_forms_in_their_order_as_the_emulator_does()
    {
        var expected = await EmulatorAnswerAsync(schemaCodes: "D000024SalesOrder; D000024Customer;D000024SalesOrder");

        var actual = RunPrintedClass(schemaCodes: "D000024SalesOrder; D000024Customer;D000024SalesOrder", withAssociationMember: true, out var errors);

        Assert.Empty(errors);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"emulator:\n{expected}\nclass:\n{actual}");
    }

    [Fact]
    public void An_unknown_form_fails_in_H3Yuns_words_through_Errors_and_ReturnData()
    {
        var answer = RunPrintedClass(schemaCodes: "D000024Customer;D000024Nope", withAssociationMember: true, out var errors);

        Assert.Null(answer);
        Assert.Equal(["根据 SchemaCode 获取 BizObjectSchema 失败: D000024Nope"], errors);
    }

    [Fact]
    public void The_class_compiles_where_PropertySchema_has_no_AssociationSchemaCode()
    {
        var answer = RunPrintedClass(schemaCodes: "D000024SalesOrder", withAssociationMember: false, out var errors);

        Assert.Empty(errors);
        Assert.DoesNotContain("AssociationSchemaCode", answer!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_class_is_written_in_the_dialect_of_H3Yuns_backend_and_says_what_it_cannot_tell()
    {
        var text = ExportCodeCommand.Render("D000024BookManager", []);
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.CSharp5));

        Assert.Empty(tree.GetDiagnostics());
        Assert.DoesNotContain(tree.GetRoot().DescendantNodes().OfType<VariableDeclarationSyntax>(), declaration => declaration.Type.IsVar);
        Assert.Empty(tree.GetRoot().DescendantNodes().OfType<UsingDirectiveSyntax>());
        foreach (var words in new[] { "option texts", "\"Options\"", "\"Multiple\"", "\"ClassName\"", "\"PropertyName\"", "h3yun schema pull --app D000024BookManager" })
        {
            Assert.Contains(words, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Export_code_prints_the_class_and_lists_the_forms_given()
    {
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(folder.Path, new Dictionary<string, string?>(), "schema", "export-code", "--app", "D000024BookManager", "--form", "D000024A", "--form", "D000024B");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("public class H3YunSchemaExportController : H3.SmartForm.RestApiController", run.Output, StringComparison.Ordinal);
        Assert.Contains("private static readonly string[] AppForms = new string[] { \"D000024A\", \"D000024B\" };", run.Output, StringComparison.Ordinal);
    }

    private static async Task<JsonNode?> EmulatorAnswerAsync(string schemaCodes)
    {
        await using var emulator = await Cli.StartEmulatorAsync([.. Forms.Select(Cli.RepositorySchema)]);
        using var client = new H3YunClient(new H3YunClientOptions { BaseAddress = emulator.BaseAddress, EngineCode = emulator.EngineCode, EngineSecret = emulator.EngineSecret, RequestsPerSecond = null });
        var returnData = await client.InvokeCustomAsync(new CustomApiRequest(H3YunEmulatorOptions.DefaultAppCode, ExportContract.Controller, ExportContract.Action)
        {
            Parameters = { [ExportContract.SchemaCodesParameter] = schemaCodes },
            IsReadOnly = true,
        });
        return JsonNode.Parse(returnData.GetProperty(ExportContract.SchemasMember).GetString()!);
    }

    /// <summary>Compiles the printed class as C# 5 against the stand-ins, runs it over the repository's forms, and returns its Schemas.</summary>
    private static JsonNode? RunPrintedClass(string schemaCodes, bool withAssociationMember, out IReadOnlyList<string> errors)
    {
        var stubs = Compile("H3Stubs", BackendStandIns.Source(withAssociationMember), LanguageVersion.Latest, []);
        var exporter = Compile("H3Exporter", ExportCodeCommand.Render(null, []), LanguageVersion.CSharp5, [stubs.Reference]);
        var context = new AssemblyLoadContext("export-code-test", isCollectible: true);
        try
        {
            var stubAssembly = context.LoadFromStream(new MemoryStream(stubs.Image));
            var exporterAssembly = context.LoadFromStream(new MemoryStream(exporter.Image));
            var engine = stubAssembly.GetType("H3.Engine")!.GetMethod("FromSchemaFiles")!.Invoke(null, [Forms.Select(Cli.RepositorySchema).ToArray()]);
            var request = Activator.CreateInstance(stubAssembly.GetType("H3.SmartForm.RestApiRequest")!, engine, new Dictionary<string, string> { ["SchemaCodes"] = schemaCodes })!;
            var response = Activator.CreateInstance(stubAssembly.GetType("H3.SmartForm.RestApiResponse")!)!;
            var controller = Activator.CreateInstance(exporterAssembly.GetType(ExportContract.Controller)!, request)!;
            controller.GetType().GetMethod("OnInvoke", BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(controller, [ExportContract.Action, response]);
            errors = [.. (List<string>)response.GetType().GetProperty("Errors")!.GetValue(response)!];
            var returnData = (Dictionary<string, object>)response.GetType().GetProperty("ReturnData")!.GetValue(response)!;
            if (errors.Count > 0)
            {
                Assert.Equal(errors[0], returnData[ExportContract.ErrorMember]);
                return null;
            }

            return JsonNode.Parse((string)returnData[ExportContract.SchemasMember]);
        }
        finally
        {
            context.Unload();
        }
    }

    private sealed record Compiled(byte[] Image, MetadataReference Reference);

    private static Compiled Compile(string name, string source, LanguageVersion language, IEnumerable<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(language))],
            [.. Basic.Reference.Assemblies.Net100.References.All, .. references],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, $"{name} does not compile as {language}:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return new Compiled(image.ToArray(), MetadataReference.CreateFromImage(image.ToArray()));
    }
}
