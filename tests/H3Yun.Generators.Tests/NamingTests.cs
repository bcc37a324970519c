namespace H3Yun.Generators.Tests;

public class NamingTests
{
    [Fact]
    public void Chinese_display_names_stay_as_identifiers_and_docs_carry_name_and_code()
    {
        const string text = """{ "SchemaCode": "D1", "DisplayName": "采购 申请", "Properties": [ { "Name": "F0000001", "DisplayName": "申请人 姓名", "DataType": 14 } ] }""";
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        var source = run.Source("D1.g.cs");
        Assert.Contains("public sealed partial class 采购申请 ", source, StringComparison.Ordinal);
        Assert.Contains("public string? 申请人姓名", source, StringComparison.Ordinal);
        Assert.Contains("/// <summary>申请人 姓名 (<c>F0000001</c>, ShortString).</summary>", source, StringComparison.Ordinal);
        Assert.Contains("public sealed partial class 采购申请Repository", source, StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Without_a_display_name_the_code_names_the_member()
    {
        const string text = """{ "SchemaCode": "D000024chuangjian", "Properties": [ { "Name": "F0000002", "DataType": 14 }, { "Name": "9lives", "DataType": 14 } ] }""";
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        var source = run.Source("D000024chuangjian.g.cs");
        Assert.Contains("class D000024chuangjian ", source, StringComparison.Ordinal);
        Assert.Contains("string? F0000002", source, StringComparison.Ordinal);
        Assert.Contains("string? _9lives", source, StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Display_text_with_quotes_and_markup_is_escaped_in_literals_and_docs()
    {
        const string text = """{ "SchemaCode": "D\"1", "DisplayName": "A <b> & \"c\"", "Properties": [ { "Name": "F\\1", "DisplayName": "x</summary>", "DataType": 14 } ] }""";
        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }
}
