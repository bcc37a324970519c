using System.Collections.Immutable;
using System.Globalization;
using H3Yun.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Tests;

/// <summary>Field codes written as strings are checked against the schema files where the form is known (H3Y0201).</summary>
public class FieldCodeAnalyzerTests
{
    private static readonly SchemaText SalesOrder = GeneratorHarness.RepositorySchema("SalesOrder.h3form.json");
    private static readonly SchemaText Customer = GeneratorHarness.RepositorySchema("Customer.h3form.json");

    [Fact]
    public async Task A_raw_matcher_in_a_typed_condition_is_checked_and_lists_the_closest_codes()
    {
        const string body = """
            var c = new Condition<SalesOrder>(Matcher.And(Matcher.Item("F0000009", ComparisonOperator.Equal, "x"), Matcher.Item("F0000001", ComparisonOperator.Equal, "y")));
            """;

        var (code, diagnostics) = await AnalyzeAsync(body);

        var diagnostic = Assert.Single(diagnostics);
        AssertAt(diagnostic, code, "\"F0000009\"");
        Assert.Equal(
            "'F0000009' is not a field of form 'D000024SalesOrder' (销售订单). Did you mean F0000001 (订单编号), F0000002 (客户), F0000003 (下单日期)?",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Return_items_sort_keys_and_item_matchers_of_an_untyped_load_are_checked()
    {
        const string body = """
            var r = OpenApiRequest.LoadBizObjects("D000024Customer", new Filter
            {
                ReturnItems = ["F0000001", "F0000099"],
                SortByCollection = [new SortBy("F000001")],
                Matcher = new ItemMatcher("Nope", ComparisonOperator.Equal, "x"),
            });
            """;

        var (code, diagnostics) = await AnalyzeAsync(body);

        Assert.Equal(3, diagnostics.Length);
        AssertAt(diagnostics[0], code, "\"F0000099\"");
        AssertAt(diagnostics[1], code, "\"F000001\"");
        AssertAt(diagnostics[2], code, "\"Nope\"");
        Assert.All(diagnostics, d => Assert.Contains("form 'D000024Customer' (客户)", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_members_of_a_constant_update_are_checked_where_they_are_written_child_rows_included()
    {
        const string body = """
            var u = OpenApiRequest.UpdateBizObject(SalesOrder.SchemaCode, "id", "{\"F0000001\":\"a\",\"F0000077\":1,\"D000024FOrderLines\":[{\"F0000011\":\"p\",\"F0000088\":2}]}");
            """;

        var (code, diagnostics) = await AnalyzeAsync(body);

        Assert.Equal(2, diagnostics.Length);
        AssertAt(diagnostics[0], code, "F0000077");
        AssertAt(diagnostics[1], code, "F0000088");
        Assert.Contains("form 'D000024FOrderLines'", diagnostics[1].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item_matchers_inside_or_and_a_matcher_group_of_an_untyped_load_are_checked()
    {
        const string body = """
            var r = OpenApiRequest.LoadBizObjects("D000024Customer", new Filter
            {
                Matcher = Matcher.Or(
                    Matcher.Item("F0000098", ComparisonOperator.Equal, "x"),
                    new MatcherGroup(MatcherGroupType.And, [Matcher.Item("F0000097", ComparisonOperator.Equal, "y")])),
            });
            """;

        var (code, diagnostics) = await AnalyzeAsync(body);

        Assert.Equal(2, diagnostics.Length);
        AssertAt(diagnostics[0], code, "\"F0000098\"");
        AssertAt(diagnostics[1], code, "\"F0000097\"");
    }

    [Fact]
    public async Task The_members_of_a_constant_create_are_checked()
    {
        const string body = """
            var c = OpenApiRequest.CreateBizObject("D000024SalesOrder", "{\"F0000001\":\"x\",\"F0000099\":1}", true);
            """;

        var (code, diagnostics) = await AnalyzeAsync(body);

        AssertAt(Assert.Single(diagnostics), code, "F0000099");
    }

    [Fact]
    public async Task System_fields_known_codes_and_shapes_the_analyzer_cannot_follow_are_not_reported()
    {
        const string body = """
            var ok = new Condition<SalesOrder>(Matcher.Or(Matcher.Item("SeqNo", ComparisonOperator.Equal, "1"), Matcher.Item("ObjectId", ComparisonOperator.NotNull), Matcher.Item(SalesOrder.Fields.Amount, ComparisonOperator.Above, 1)));
            var query = new H3Query<SalesOrder> { OrderBy = [new SortBy("CreatedTime")] };
            var item = Matcher.Item("Unrelated", ComparisonOperator.Equal, "x");
            var wrapped = new Condition<SalesOrder>(item);
            var unknownForm = OpenApiRequest.LoadBizObjects("D999Elsewhere", new Filter { ReturnItems = ["Whatever"] });
            var create = OpenApiRequest.CreateBizObject("D000024SalesOrder", "{\"F0000001\":\"x\",\"Name\":\"t\"}", true);
            """;

        var (_, diagnostics) = await AnalyzeAsync(body);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task A_typed_query_sort_key_with_a_wrong_code_is_reported()
    {
        const string body = """
            var query = new H3Query<SalesOrder> { OrderBy = [new SortBy("F00000O1")] };
            """;

        var (code, diagnostics) = await AnalyzeAsync(body);

        AssertAt(Assert.Single(diagnostics), code, "\"F00000O1\"");
    }

    [Fact]
    public void The_analyzer_ships_the_one_diagnostic_it_reports()
    {
        var descriptor = Assert.Single(new FieldCodeAnalyzer().SupportedDiagnostics);
        Assert.Equal(("H3Y0201", DiagnosticSeverity.Error), (descriptor.Id, descriptor.DefaultSeverity));
        Assert.Equal("https://github.com/h3yun-generators/h3yun-generators/blob/main/docs/diagnostics/H3Y0201.md", descriptor.HelpLinkUri);
    }

    private static async Task<(string Code, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(string body)
    {
        var code = $$"""
            using H3Yun;
            using H3Yun.OpenApi;
            using Contoso.Orders;

            internal static class Usage
            {
                public static void Run()
                {
            {{body}}
                }
            }
            """;
        var run = GeneratorHarness.Run([SalesOrder, Customer], "Contoso.Orders", code);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzers = run.Output.WithAnalyzers(
            [new FieldCodeAnalyzer()],
            new AnalyzerOptions([SalesOrder, Customer, new SchemaText("notes.txt", "F0000009"), new SchemaText("broken.h3form.json", "{ \"SchemaCode\": ")]));
        var all = await analyzers.GetAllDiagnosticsAsync();
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        return (code, [.. (await analyzers.GetAnalyzerDiagnosticsAsync()).OrderBy(d => d.Location.SourceSpan.Start)]);
    }

    private static void AssertAt(Diagnostic diagnostic, string code, string token)
    {
        Assert.Equal(("H3Y0201", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(new TextSpan(code.IndexOf(token, StringComparison.Ordinal), token.Length), diagnostic.Location.SourceSpan);
        Assert.Equal("User.cs", diagnostic.Location.GetLineSpan().Path);
    }
}
