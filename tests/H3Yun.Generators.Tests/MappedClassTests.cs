using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Tests;

/// <summary>User classes marked [H3Form]/[H3Field]: implemented like generated models, and checked against the schema files.</summary>
public class MappedClassTests
{
    private static readonly SchemaText SalesOrder = GeneratorHarness.RepositorySchema("SalesOrder.h3form.json");
    private static readonly SchemaText Customer = GeneratorHarness.RepositorySchema("Customer.h3form.json");

    [Fact]
    public void A_mapped_formula_or_attachment_field_is_read_but_never_written()
    {
        const string code = """
            using System.Collections.Generic;
            using H3Yun;

            namespace Contoso.Reports;

            /// <summary>Totals and files.</summary>
            [H3Form("D000024AllTypes")]
            public partial class Totals
            {
                /// <summary>The formula.</summary>
                [H3Field("F0000020")] public partial decimal? Total { get; set; }

                /// <summary>The files.</summary>
                [H3Field("F0000018")] public partial IReadOnlyList<H3Attachment> Files { get; set; }
            }
            """;

        var run = GeneratorHarness.RunWithCode(code, GeneratorHarness.RepositorySchema("AllTypes.h3form.json"), Customer);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(!CompilerDiagnostics(run).Any(), string.Join("\n", CompilerDiagnostics(run)));
        var source = run.MappedResult.GeneratedSources.Single(s => s.HintName.EndsWith(".H3Form.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("ReadAttachments", source, StringComparison.Ordinal);
        Assert.DoesNotContain("writer.Write", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapped_class_is_implemented_and_works_with_the_repository_without_any_warning()
    {
        const string code = """
            using System;
            using System.Threading.Tasks;
            using H3Yun;

            namespace Contoso.Reports;

            /// <summary>An order, as a report sees it.</summary>
            [H3Form("D000024SalesOrder")]
            public partial class OrderSummary
            {
                /// <summary>The number.</summary>
                [H3Field("F0000001")] public partial string? Number { get; set; }

                /// <summary>The amount.</summary>
                [H3Field("F0000004")] public partial decimal? Amount { get; set; }

                /// <summary>The date.</summary>
                [H3Field("F0000003")] public partial DateTime? Ordered { get; private set; }

                /// <summary>Paid.</summary>
                [H3Field("F0000005")] public partial bool? Paid { get; init; }

                /// <summary>Not mapped, never sent.</summary>
                public string? Note { get; set; }
            }

            internal static class Usage
            {
                public static async Task<string?> RunAsync(H3YunClient client)
                {
                    var orders = new OrderSummaryRepository(client);
                    H3Repository<OrderSummary> repository = orders;
                    var created = await repository.CreateAsync(new OrderSummary { Number = "SO-1", Amount = 5m, Paid = true });
                    var loaded = await orders.LoadAsync(created.ObjectId);
                    return loaded?.Number + OrderSummary.SchemaCode + OrderSummary.FormInfo.FieldCodes.Count + loaded?.Ordered;
                }
            }
            """;

        var run = GeneratorHarness.RunWithCode(code, SalesOrder, Customer);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(CompilerDiagnostics(run));
        var source = run.MappedResult.GeneratedSources.Single(s => s.HintName.EndsWith(".H3Form.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("partial class OrderSummary : global::H3Yun.H3BizObject", source, StringComparison.Ordinal);
        Assert.Contains("public OrderSummary() : base(4) { }", source, StringComparison.Ordinal);
        Assert.Contains("set { __h3_Number = value; OnFieldAssigned(0); }", source, StringComparison.Ordinal);
        Assert.Contains("private set { __h3_Ordered = value; OnFieldAssigned(2); }", source, StringComparison.Ordinal);
        Assert.Contains("case \"F0000004\": __h3_Amount = global::H3Yun.CompilerServices.BizValueReader.ReadDecimal(value, fieldCode); return 1;", source, StringComparison.Ordinal);
        Assert.Contains("if (ShouldWrite(writer, 3)) writer.WriteBoolean(__h3name_Paid, __h3_Paid);", source, StringComparison.Ordinal);
        Assert.Contains("private static readonly global::H3Yun.CompilerServices.H3FieldName __h3name_Paid = new(\"F0000005\");", source, StringComparison.Ordinal);
        Assert.Contains("public sealed partial class OrderSummaryRepository : global::H3Yun.H3Repository<global::Contoso.Reports.OrderSummary>", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Note", source, StringComparison.Ordinal);
    }

    [Fact]
    public void An_internal_class_gets_an_internal_repository_and_a_nullable_oblivious_string_is_accepted()
    {
        const string code = """
            #nullable disable
            [H3Yun.H3Form("D000024SalesOrder")]
            internal partial class Row
            {
                [H3Yun.H3Field("F0000001")] public partial string Number { get; set; }
                [H3Yun.H3Field("F0000002")] public partial string Customer { get; set; }
            }
            """;

        var run = GeneratorHarness.RunWithCode(code, SalesOrder, Customer);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(CompilerDiagnostics(run));
        Assert.Contains("internal sealed partial class RowRepository", run.MappedResult.GeneratedSources.Single(s => s.HintName.Contains("Row", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_schema_code_is_an_error_on_the_attribute_argument_suggesting_the_nearest_form()
    {
        const string code = """
            [H3Yun.H3Form("D000024SaleOrder")]
            public partial class Summary
            {
                [H3Yun.H3Field("F0000001")] public partial string? Number { get; set; }
            }
            """;

        var run = GeneratorHarness.RunWithCode(code, SalesOrder, Customer);

        var diagnostic = run.Single("H3Y0101");
        AssertAt(diagnostic, DiagnosticSeverity.Error, code, "\"D000024SaleOrder\"");
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("Class 'Summary' is mapped to form 'D000024SaleOrder'", message, StringComparison.Ordinal);
        Assert.Contains("Did you mean D000024SalesOrder (销售订单)", message, StringComparison.Ordinal);
        // The property still gets a body, so ours is the only error.
        Assert.Single(run.GeneratorDiagnostics);
        Assert.Empty(CompilerDiagnostics(run));
    }

    [Fact]
    public void A_schema_code_in_a_project_without_schema_files_says_to_add_one()
    {
        const string code = """
            [H3Yun.H3Form("D000024SaleOrder")]
            public partial class Summary
            {
                [H3Yun.H3Field("F0000001")] public partial string? Number { get; set; }
            }
            """;

        var run = GeneratorHarness.RunWithCode(code);

        var message = run.Single("H3Y0101").GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("Add the form's schema file to the project.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", message, StringComparison.Ordinal);
        var body = run.MappedResult.GeneratedSources.Single(s => s.HintName.EndsWith(".H3Form.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("// Generated by H3Yun.Generators for a class marked [H3Form]; its mapping has errors, so only the property bodies are here.", body, StringComparison.Ordinal);
        Assert.Contains("private string? __h3_Number = default!;", body, StringComparison.Ordinal);
        Assert.DoesNotContain("H3BizObject", body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_code_is_an_error_listing_the_closest_codes_with_display_names()
    {
        const string code = """
            [H3Yun.H3Form("D000024SalesOrder")]
            public partial class Summary
            {
                [H3Yun.H3Field("F0000009")] public partial string? Number { get; set; }
                [H3Yun.H3Field("F0000004")] public partial decimal? Amount { get; set; }
            }
            """;

        var run = GeneratorHarness.RunWithCode(code, SalesOrder, Customer);

        var diagnostic = run.Single("H3Y0102");
        AssertAt(diagnostic, DiagnosticSeverity.Error, code, "\"F0000009\"");
        Assert.Equal(
            "Property 'Number' of class 'Summary' is mapped to field 'F0000009', which form 'D000024SalesOrder' does not have. Did you mean F0000001 (订单编号), F0000002 (客户), F0000003 (下单日期)?",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(CompilerDiagnostics(run));
        Assert.Contains("base(1)", run.MappedResult.GeneratedSources.Single(s => s.HintName.Contains("Summary", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_system_field_code_says_the_record_already_has_it()
    {
        const string code = """
            [H3Yun.H3Form("D000024SalesOrder")]
            public partial class Summary
            {
                [H3Yun.H3Field("SeqNo")] public partial string? Serial { get; set; }
            }
            """;

        var run = GeneratorHarness.RunWithCode(code, SalesOrder, Customer);

        Assert.Contains("is a system field", run.Single("H3Y0102").GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("int?", "F0000001", "string?")]
    [InlineData("string", "F0000001", "string?")]
    [InlineData("decimal", "F0000004", "decimal?")]
    [InlineData("double?", "F0000004", "decimal?")]
    [InlineData("long?", "F0000007", "int?")]
    [InlineData("string?", "F0000003", "DateTime?")]
    public void A_type_that_cannot_hold_the_field_is_an_error_naming_the_type_to_use(string declared, string fieldCode, string expected)
    {
        var code = $$"""
            [H3Yun.H3Form("D000024SalesOrder")]
            public partial class Summary
            {
                [H3Yun.H3Field("{{fieldCode}}")] public partial {{declared}} Value { get; set; }
            }
            """;

        var run = GeneratorHarness.RunWithCode(code, SalesOrder, Customer);

        var diagnostic = run.Single("H3Y0103");
        AssertAt(diagnostic, DiagnosticSeverity.Error, code, $"\"{fieldCode}\"");
        Assert.Contains($"Declare it as '{expected}'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(CompilerDiagnostics(run));
    }

    [Theory]
    [InlineData("F0000005", "IReadOnlyList<string>?")]
    [InlineData("F0000018", "IReadOnlyList<H3Yun.H3Attachment>")]
    [InlineData("F0000016", "H3Yun.H3Address?")]
    public void The_type_to_use_is_named_as_a_reader_writes_it(string fieldCode, string expected)
    {
        var code = $$"""
            [H3Yun.H3Form("D000024AllTypes")]
            public partial class Summary
            {
                [H3Yun.H3Field("{{fieldCode}}")] public partial int? Value { get; set; }
            }
            """;

        var run = GeneratorHarness.RunWithCode(code, GeneratorHarness.RepositorySchema("AllTypes.h3form.json"), Customer);

        Assert.Contains($"Declare it as '{expected}'", run.Single("H3Y0103").GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_table_cannot_be_mapped_yet_and_says_so()
    {
        const string code = """
            [H3Yun.H3Form("D000024SalesOrder")]
            public partial class Summary
            {
                [H3Yun.H3Field("D000024FOrderLines")] public partial System.Collections.Generic.IList<object> Lines { get; set; }
            }
            """;

        var run = GeneratorHarness.RunWithCode(code, SalesOrder, Customer);

        Assert.Contains("Child tables cannot be mapped", run.Single("H3Y0103").GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(CompilerDiagnostics(run));
    }

    [Theory]
    [InlineData("public class Summary", "it is not partial")]
    [InlineData("public static partial class Outer { [H3Yun.H3Form(\"D000024SalesOrder\")] public partial class Summary { } }\npublic partial class Unused", "it is nested in another type")]
    [InlineData("public partial class Summary<T>", "it is generic")]
    [InlineData("public abstract partial class Summary", "it is abstract")]
    [InlineData("public partial record Summary", "it is not a class")]
    [InlineData("public partial struct Summary", "it is not a class")]
    [InlineData("public static partial class Summary", "it is static")]
    public void A_class_the_generator_cannot_implement_is_an_error_saying_why(string declaration, string reason)
    {
        var code = declaration.Contains("Outer", StringComparison.Ordinal)
            ? declaration + " { }"
            : "[H3Yun.H3Form(\"D000024SalesOrder\")]\n" + declaration + " { }";

        var run = GeneratorHarness.RunWithCode(code, SalesOrder, Customer);

        var diagnostic = run.Single("H3Y0104");
        AssertAt(diagnostic, DiagnosticSeverity.Error, code, "\"D000024SalesOrder\"");
        Assert.Contains(reason, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(run.MappedResult.GeneratedSources, s => s.HintName.EndsWith(".H3Form.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Marking_the_generated_class_itself_is_an_error_instead_of_duplicate_members()
    {
        const string code = """
            namespace Contoso.Orders;
            [H3Yun.H3Form("D000024SalesOrder")]
            public sealed partial class SalesOrder { }
            """;

        var run = GeneratorHarness.RunWithCode(code, SalesOrder, Customer);

        Assert.Contains("also the class generated from 'SalesOrder.h3form.json'", run.Single("H3Y0104").GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(CompilerDiagnostics(run));
    }

    [Fact]
    public void A_property_that_is_not_partial_is_an_error_showing_the_declaration_to_write()
    {
        const string code = """
            [H3Yun.H3Form("D000024SalesOrder")]
            public partial class Summary
            {
                [H3Yun.H3Field("F0000001")] public string? Number { get; set; }
            }
            """;

        var run = GeneratorHarness.RunWithCode(code, SalesOrder, Customer);

        var diagnostic = run.Single("H3Y0105");
        AssertAt(diagnostic, DiagnosticSeverity.Error, code, "\"F0000001\"");
        Assert.Contains("'public partial string? Number { get; set; }'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(CompilerDiagnostics(run));
    }

    [Fact]
    public void Every_problem_of_a_property_is_reported_in_one_build()
    {
        const string code = """
            public class Base { }
            [H3Yun.H3Form("D000024SalesOrder")]
            public partial class Summary : Base
            {
                [H3Yun.H3Field("F0000009")] public string? Number { get; set; }
                [H3Yun.H3Field("F0000004")] public partial int? Amount { get; set; }
            }
            """;

        var run = GeneratorHarness.RunWithCode(code, SalesOrder, Customer);

        Assert.Equal(
            ["H3Y0102", "H3Y0103", "H3Y0105", "H3Y0106"],
            run.GeneratorDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal(code.IndexOf("\"F0000009\"", StringComparison.Ordinal), run.Single("H3Y0102").Location.SourceSpan.Start);
        Assert.Equal(code.IndexOf("\"F0000009\"", StringComparison.Ordinal), run.Single("H3Y0105").Location.SourceSpan.Start);
        Assert.Equal(code.IndexOf("\"F0000004\"", StringComparison.Ordinal), run.Single("H3Y0103").Location.SourceSpan.Start);
    }

    [Fact]
    public void Another_base_class_is_an_error()
    {
        const string code = """
            public class Base { }
            [H3Yun.H3Form("D000024SalesOrder")]
            public partial class Summary : Base
            {
                [H3Yun.H3Field("F0000001")] public partial string? Number { get; set; }
            }
            """;

        var run = GeneratorHarness.RunWithCode(code, SalesOrder, Customer);

        var diagnostic = run.Single("H3Y0106");
        AssertAt(diagnostic, DiagnosticSeverity.Error, code, "\"D000024SalesOrder\"");
        Assert.Contains("derives from 'Base'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(CompilerDiagnostics(run));
    }

    [Fact]
    public void A_field_mapped_twice_is_an_error_on_the_second_property()
    {
        const string code = """
            [H3Yun.H3Form("D000024SalesOrder")]
            public partial class Summary
            {
                [H3Yun.H3Field("F0000001")] public partial string? Number { get; set; }
                [H3Yun.H3Field("F0000001")] public partial string? AlsoNumber { get; set; }
            }
            """;

        var run = GeneratorHarness.RunWithCode(code, SalesOrder, Customer);

        var diagnostic = run.Single("H3Y0107");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(code.LastIndexOf("\"F0000001\"", StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Equal(
            "Properties 'Number' and 'AlsoNumber' of class 'Summary' are both mapped to field 'F0000001'; only 'Number' is read and written. Map each field once.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(CompilerDiagnostics(run));
    }

    /// <summary>The compiler's warnings and errors, except the test snippets' own missing XML docs.</summary>
    private static IEnumerable<string> CompilerDiagnostics(GeneratorRun run) =>
        run.CompilationDiagnostics.Where(d => d.Id != "CS1591" || d.Location.GetLineSpan().Path != "User.cs").Select(d => d.ToString());

    private static void AssertAt(Diagnostic diagnostic, DiagnosticSeverity severity, string code, string token)
    {
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal("User.cs", diagnostic.Location.GetLineSpan().Path);
        var start = code.IndexOf(token, StringComparison.Ordinal);
        Assert.Equal(new TextSpan(start, token.Length), diagnostic.Location.SourceSpan);
        var line = code[..start].Count(c => c == '\n');
        Assert.Equal(new LinePosition(line, start - (code.LastIndexOf('\n', start - 1) + 1)), diagnostic.Location.GetLineSpan().StartLinePosition);
    }
}
