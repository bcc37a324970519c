namespace H3Yun.Generators.Tests;

/// <summary>A wrong field, operator or value type in a typed query is a compile error, not a runtime surprise.</summary>
public class QueryCompileTests
{
    private static readonly SchemaText[] Forms =
    [
        GeneratorHarness.RepositorySchema("AllTypes.h3form.json"),
        GeneratorHarness.RepositorySchema("Customer.h3form.json"),
        GeneratorHarness.RepositorySchema("SalesOrder.h3form.json"),
    ];

    [Fact]
    public void A_well_typed_query_compiles()
    {
        Assert.Empty(Compile("""var c = AllTypes.Where.Amount.GreaterThan(1m) & AllTypes.Where.DueDate.LessThan(System.DateTime.Now) & AllTypes.Where.Colour.EqualTo(AllTypes.ColourOption.红);"""));
    }

    [Theory]
    [InlineData("AllTypes.Where.Amount.Contains(\"1\")", "CS1061")]
    [InlineData("AllTypes.Where.DueDate.GreaterThan(\"2026-01-01\")", "CS1503")]
    [InlineData("AllTypes.Where.Colour.EqualTo(Customer.LevelOption.VIP)", "CS1503")]
    [InlineData("AllTypes.Where.Amount.EqualTo(\"12\")", "CS1503")]
    [InlineData("AllTypes.Where.Done.GreaterThan(true)", "CS1061")]
    [InlineData("AllTypes.Where.NoSuchField.IsNull()", "CS0117")]
    [InlineData("AllTypes.Where.Customer.EqualTo(new H3Ref<SalesOrder>(\"id\"))", "CS1503")]
    [InlineData("AllTypes.Where.Amount.IsNull() & Customer.Where.CustomerName.IsNull()", "CS0019")]
    public void A_wrong_operator_value_or_form_does_not_compile(string expression, string expectedError)
    {
        var errors = Compile($"var c = {expression};");

        Assert.Contains(errors, id => id == expectedError);
    }

    [Fact]
    public void A_condition_on_another_form_cannot_query_this_one()
    {
        var errors = Compile("""var page = new SalesOrderRepository(client).QueryAsync(Customer.Where.CustomerName.EqualTo("x"));""");

        Assert.Contains("CS1503", errors);
    }

    private static string[] Compile(string statement)
    {
        var code = $$"""
            using H3Yun;
            using Contoso.Orders;

            internal static class Snippet
            {
                internal static void Run(H3YunClient client)
                {
                    {{statement}}
                }
            }
            """;
        var run = GeneratorHarness.Run(Forms, "Contoso.Orders", code);
        return [.. run.CompilationDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.Id).Distinct()];
    }
}
