using System.Globalization;
using System.Text;
using H3Yun.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Tests;

/// <summary>
/// The generators never throw into the compiler: an exception in any stage becomes the error H3Y9999, with the
/// exception's type and message, and the project's other forms and classes are still generated. Reading a schema
/// file fails through an input (a file whose text fails when it is read whole, as a file that cannot be decoded or
/// has gone away does); no input is known that makes the emitters or the binder throw, so their faults are planted.
/// </summary>
public class InternalErrorTests
{
    private const string MappedClasses = """
        using H3Yun;

        namespace Contoso.Reports;

        /// <summary>An order's number.</summary>
        [H3Form("D000024SalesOrder")]
        public partial class OrderNumber
        {
            /// <summary>The number.</summary>
            [H3Field("F0000001")] public partial string? Number { get; set; }
        }

        /// <summary>An order's amount.</summary>
        [H3Form("D000024SalesOrder")]
        public partial class OrderAmount
        {
            /// <summary>The amount.</summary>
            [H3Field("F0000004")] public partial decimal? Amount { get; set; }
        }
        """;

    private static readonly string CustomerFile = Path.Combine("schemas", "Customer.h3form.json");

    [Fact]
    public void An_exception_while_reading_a_schema_file_becomes_H3Y9999_on_that_file_and_the_other_forms_are_generated()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new H3FormGenerator().AsSourceGenerator(), new H3FormClassGenerator().AsSourceGenerator()],
            [new UnreadableSchema(Path.Combine("schemas", "Broken.h3form.json")), GeneratorHarness.RepositorySchema("Customer.h3form.json")],
            GeneratorHarness.ParseOptions,
            GeneratorHarness.OptionsFor("Contoso.Orders", null));

        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        var run = driver.GetRunResult();
        Assert.All(run.Results, result => Assert.Null(result.Exception));
        var error = Assert.Single(diagnostics);
        Assert.Equal("H3Y9999", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(
            "H3Yun.Generators could not process 'Broken.h3form.json': IOException: the file went away while it was read. Please report this with the schema file.",
            error.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(Path.Combine("schemas", "Broken.h3form.json"), error.Location.GetLineSpan().Path);
        Assert.Equal(new LinePosition(0, 0), error.Location.GetLineSpan().StartLinePosition);
        Assert.Contains(run.Results.SelectMany(result => result.GeneratedSources), source => source.HintName.Contains("Customer", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void An_exception_while_writing_a_form_becomes_H3Y9999_on_its_schema_file_and_the_other_forms_are_generated()
    {
        var run = RunWith(PlantedFault.Plant(GeneratorStage.FormEmitter, CustomerFile, static () => new InvalidOperationException("a planted fault")));

        var error = AssertOneInternalError(run, "Customer.h3form.json");
        Assert.Equal(CustomerFile, error.Location.GetLineSpan().Path);
        Assert.Equal(new LinePosition(0, 0), error.Location.GetLineSpan().StartLinePosition);
        var hints = HintNames(run);
        Assert.DoesNotContain(hints, hint => hint.StartsWith("D000024Customer", StringComparison.Ordinal));
        Assert.Contains("D000024SalesOrder.g.cs", hints);
    }

    [Fact]
    public void An_exception_while_binding_a_mapped_class_becomes_H3Y9999_at_its_attribute_and_the_other_classes_are_generated()
    {
        var run = RunWith(PlantedFault.Plant(GeneratorStage.MappedClassBinder, "global::Contoso.Reports.OrderNumber", static () => new InvalidOperationException("a planted fault")));

        var error = AssertOneInternalError(run, "OrderNumber");
        Assert.Equal("User.cs", error.Location.GetLineSpan().Path);
        var schemaCode = MappedClasses.IndexOf("\"D000024SalesOrder\")]\npublic partial class OrderNumber", StringComparison.Ordinal);
        Assert.Equal(schemaCode, error.Location.SourceSpan.Start);
        var hints = HintNames(run);
        Assert.DoesNotContain(hints, hint => hint.StartsWith("Contoso_Reports_OrderNumber.", StringComparison.Ordinal));
        Assert.Contains(hints, hint => hint.StartsWith("Contoso_Reports_OrderAmount.", StringComparison.Ordinal));
        var registration = run.Sources.Single(source => source.HintName.StartsWith("H3YunMappedClassRepositories", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("OrderAmountRepository", registration, StringComparison.Ordinal);
        Assert.DoesNotContain("OrderNumberRepository", registration, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_while_writing_a_mapped_class_becomes_H3Y9999_naming_the_class_and_the_other_classes_are_generated()
    {
        var run = RunWith(PlantedFault.Plant(GeneratorStage.MappedClassEmitter, "global::Contoso.Reports.OrderNumber", static () => new InvalidOperationException("a planted fault")));

        var error = AssertOneInternalError(run, "OrderNumber");
        Assert.Equal(Location.None, error.Location);
        var hints = HintNames(run);
        Assert.DoesNotContain(hints, hint => hint.StartsWith("Contoso_Reports_OrderNumber.", StringComparison.Ordinal));
        Assert.Contains(hints, hint => hint.StartsWith("Contoso_Reports_OrderAmount.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cancellation_is_not_turned_into_H3Y9999()
    {
        var run = RunWith(PlantedFault.Plant(GeneratorStage.FormEmitter, CustomerFile, static () => new OperationCanceledException("a planted cancellation")));

        Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "H3Y9999");
        Assert.IsType<OperationCanceledException>(run.Result.Exception);
    }

    private static GeneratorRun RunWith(IDisposable fault)
    {
        using (fault)
        {
            var compilation = GeneratorHarness.CreateCompilation(MappedClasses, GeneratorHarness.MappingParseOptions);
            var driver = GeneratorHarness.CreateDriver(
                [GeneratorHarness.RepositorySchema("Customer.h3form.json"), GeneratorHarness.RepositorySchema("SalesOrder.h3form.json")],
                "Contoso.Orders",
                GeneratorHarness.MappingParseOptions);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
            return new GeneratorRun(driver, output, diagnostics);
        }
    }

    private static Diagnostic AssertOneInternalError(GeneratorRun run, string subject)
    {
        Assert.All(run.Driver.GetRunResult().Results, result => Assert.Null(result.Exception));
        var error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("H3Y9999", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(
            $"H3Yun.Generators could not process '{subject}': InvalidOperationException: a planted fault. Please report this with the schema file.",
            error.GetMessage(CultureInfo.InvariantCulture));
        return error;
    }

    private static List<string> HintNames(GeneratorRun run) => [.. run.Sources.Select(source => source.HintName)];

    private sealed class UnreadableSchema(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => new UnreadableText("{ \"SchemaCode\": \"D000024Broken\", \"Properties\": [] }");
    }

    private sealed class UnreadableText(string content) : SourceText
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override int Length => content.Length;

        public override char this[int position] => content[position];

        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count) =>
            content.CopyTo(sourceIndex, destination, destinationIndex, count);

        public override string ToString(TextSpan span) => throw new IOException("the file went away while it was read");
    }
}
