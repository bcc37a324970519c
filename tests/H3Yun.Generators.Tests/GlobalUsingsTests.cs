using H3Yun.Generators.Emitting;
using Microsoft.CodeAnalysis;

namespace H3Yun.Generators.Tests;

/// <summary>
/// A new console project (ImplicitUsings on, top-level statements in the global namespace) sees the runtime and the
/// generated forms without a <c>using</c>, as the README's quick start is written; the other cases add nothing.
/// </summary>
public class GlobalUsingsTests
{
    private static readonly Dictionary<string, string> NewConsoleProject = new() { ["ImplicitUsings"] = "enable" };

    // What a console project's implicit usings give, with the runtime's namespace that the package's build file adds
    // as an MSBuild Using item; the generated file must add the rest.
    private const string SdkImplicitUsings = GeneratorHarness.ConsoleProjectUsings;

    private static readonly SchemaText SalesOrder = GeneratorHarness.RepositorySchema("SalesOrder.h3form.json");
    private static readonly SchemaText Customer = GeneratorHarness.RepositorySchema("Customer.h3form.json");

    [Fact]
    public void Top_level_statements_see_the_client_and_the_forms_without_a_using()
    {
        var run = GeneratorHarness.Run([SalesOrder, Customer], "Orders", SdkImplicitUsings + TopLevelProgram, NewConsoleProject, OutputKind.ConsoleApplication);

        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(
            "global using global::Orders;",
            string.Join("\n", run.Source("H3YunGlobalUsings.g.cs").Split('\n').Where(line => line.StartsWith("global using", StringComparison.Ordinal)).Select(line => line.TrimEnd())));
    }

    [Fact]
    public void Without_the_generated_usings_the_same_program_does_not_compile()
    {
        var run = GeneratorHarness.Run([SalesOrder, Customer], "Orders", SdkImplicitUsings + TopLevelProgram, new Dictionary<string, string>(), OutputKind.ConsoleApplication);

        Assert.DoesNotContain(run.Sources, source => source.HintName == "H3YunGlobalUsings.g.cs");
        Assert.Contains(run.CompilationDiagnostics, diagnostic => diagnostic.Id == "CS0246");
    }

    [Theory]
    [InlineData("ImplicitUsings", "disable")]
    [InlineData("H3YunImplicitUsings", "false")]
    public void A_project_that_turned_implicit_usings_off_gets_none(string property, string value)
    {
        var properties = new Dictionary<string, string>(NewConsoleProject) { [property] = value };

        var run = GeneratorHarness.Run([SalesOrder, Customer], "Orders", "", properties);

        Assert.DoesNotContain(run.Sources, source => source.HintName == "H3YunGlobalUsings.g.cs");
    }

    [Theory]
    [InlineData("enable", null, true)]
    [InlineData("True", "", true)]
    [InlineData("ENABLE", "true", true)]
    [InlineData("disable", null, false)]
    [InlineData(null, null, false)]
    [InlineData("enable", "False", false)]
    [InlineData("true", "Disable", false)]
    public void Usings_are_generated_when_implicit_usings_are_on_and_ours_are_not_turned_off(string? implicitUsings, string? h3yunImplicitUsings, bool enabled)
    {
        Assert.Equal(enabled, GlobalUsingsEmitter.Enabled(implicitUsings, h3yunImplicitUsings));
    }

    [Fact]
    public void A_form_in_the_runtime_namespace_adds_no_using_of_it()
    {
        var inRuntime = new SchemaText("r.h3form.json", """{ "SchemaCode": "R1", "Namespace": "H3Yun", "ClassName": "Receipt", "Properties": [] }""");

        var run = GeneratorHarness.Run([SalesOrder, Customer, inRuntime], "Orders", SdkImplicitUsings + TopLevelProgram, NewConsoleProject, OutputKind.ConsoleApplication);

        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(
            ["global using global::Orders;"],
            run.Source("H3YunGlobalUsings.g.cs").Split('\n').Select(line => line.TrimEnd()).Where(line => line.StartsWith("global using", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_project_without_forms_gets_no_generated_usings_and_still_sees_the_runtime()
    {
        var run = GeneratorHarness.Run([], "Orders", SdkImplicitUsings + "internal static class Uses { internal static H3YunClientOptions Options => new(); }", NewConsoleProject);

        Assert.Empty(run.CompilationDiagnostics);
        Assert.DoesNotContain(run.Sources, source => source.HintName == "H3YunGlobalUsings.g.cs");
    }

    [Fact]
    public void The_packages_build_file_imports_the_runtime_namespace_as_the_sdk_imports_system()
    {
        var targets = File.ReadAllText(Path.Combine(Docs.MarkdownFiles.Root, "generator", "H3Yun.Generators", "build", "H3Yun.Generators.targets"));

        Assert.Contains("<Using Include=\"H3Yun\" />", targets, StringComparison.Ordinal);
        Assert.Contains("'$(H3YunImplicitUsings)' != 'false'", targets, StringComparison.Ordinal);
    }

    [Fact]
    public void An_H3Form_class_without_a_using_binds_its_attribute_through_the_project_usings()
    {
        // A generator does not see what another emits: the attribute binds only through a using the project itself has.
        const string program = """
            var summaries = new OrderSummaryRepository(new H3YunClient(new H3YunClientOptions { EngineCode = "e", EngineSecret = "s" }));
            Console.WriteLine(summaries.GetType().Name);

            [H3Form("D000024SalesOrder")]
            public partial class OrderSummary
            {
                [H3Field("F0000001")] public partial string? Number { get; set; }
            }
            """;
        var compilation = GeneratorHarness.CreateCompilation(SdkImplicitUsings + program, GeneratorHarness.MappingParseOptions, OutputKind.ConsoleApplication);
        var driver = GeneratorHarness.CreateDriver([SalesOrder, Customer], "Orders", GeneratorHarness.MappingParseOptions, NewConsoleProject);

        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1591"));
    }

    [Theory]
    [InlineData("}")]
    [InlineData("x")]
    [InlineData("{ \"SchemaCode\": \"D2\" }")]
    public void One_broken_schema_file_is_one_error_and_the_code_using_its_form_still_compiles(string garbage)
    {
        var broken = new SchemaText(SalesOrder.Path, SalesOrder.Content.TrimEnd() + "\n" + garbage + "\n");

        var run = GeneratorHarness.Run([broken, Customer], "Orders", SdkImplicitUsings + TopLevelProgram, NewConsoleProject, OutputKind.ConsoleApplication);

        var error = Assert.Single(run.GeneratorDiagnostics.Concat(run.Output.GetDiagnostics()), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("H3Y0001", error.Id);
        Assert.Equal(SalesOrder.Content.TrimEnd().Split('\n').Length + 1, error.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void Each_namespace_that_holds_a_form_is_imported_once_in_ordinal_order()
    {
        var elsewhere = new SchemaText("schemas/Elsewhere.h3form.json", """
            { "SchemaCode": "D1Elsewhere", "ClassName": "Elsewhere", "Namespace": "Contoso.Crm", "Properties": [ { "Name": "F1", "DataType": 14 } ] }
            """);

        var run = GeneratorHarness.Run([SalesOrder, Customer, elsewhere], "Orders", SdkImplicitUsings + "internal static class Uses { internal static string Code => Elsewhere.SchemaCode + SalesOrder.SchemaCode; }", NewConsoleProject);

        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(
            ["global using global::Contoso.Crm;", "global using global::Orders;"],
            run.Source("H3YunGlobalUsings.g.cs").Split('\n').Select(line => line.TrimEnd()).Where(line => line.StartsWith("global using", StringComparison.Ordinal)));
    }

    private const string TopLevelProgram = """
        var client = new H3YunClient(new H3YunClientOptions { EngineCode = "e", EngineSecret = "s" });
        var orders = new SalesOrderRepository(client);
        var order = new SalesOrder { OrderNumber = "SO-1", Amount = 99.5m };
        order.Lines.Add(new SalesOrder.OrderLine { Product = "扇贝", Quantity = 2 });
        var query = SalesOrder.Where.Paid.EqualTo(false) & SalesOrder.Where.Amount.GreaterThan(50m);
        Console.WriteLine(orders.GetType().Name + query.GetType().Name + order.OrderNumber);
        """;
}
