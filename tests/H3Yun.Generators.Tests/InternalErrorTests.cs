using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Tests;

/// <summary>
/// The generator never throws into the compiler: an exception while it reads a schema file becomes the error
/// H3Y9999 on that file, with the exception's type and message, and the project's other forms are still generated.
/// The seam is an input, not a hook: a schema file whose text fails when it is read whole (as a file that cannot
/// be decoded or has gone away does), while its length and characters, which locating a diagnostic needs, still answer.
/// </summary>
public class InternalErrorTests
{
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
