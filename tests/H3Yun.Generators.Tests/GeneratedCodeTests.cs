namespace H3Yun.Generators.Tests;

public class GeneratedCodeTests
{
    private static readonly SchemaText SalesOrder = GeneratorHarness.RepositorySchema("SalesOrder.h3form.json");
    private static readonly SchemaText Customer = GeneratorHarness.RepositorySchema("Customer.h3form.json");

    [Fact]
    public void Sales_order_generates_the_approved_model_and_repository()
    {
        var run = GeneratorHarness.Run(SalesOrder, Customer);

        Snapshot.Match("SalesOrder", run.Source("D000024SalesOrder.g.cs"));
    }

    [Fact]
    public void The_all_types_form_generates_the_approved_model_with_every_control()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.RepositorySchema("AllTypes.h3form.json"), Customer);

        Snapshot.Match("AllTypes", run.Source("D000024AllTypes.g.cs"));
    }

    [Fact]
    public void The_registration_of_the_repositories_is_the_approved_file()
    {
        var run = GeneratorHarness.Run(SalesOrder, Customer);

        Snapshot.Match("Registration", run.Source(GeneratorHarness.RegistrationFile));
    }

    [Fact]
    public void The_global_usings_of_a_project_with_implicit_usings_are_the_approved_file()
    {
        var run = GeneratorHarness.Run(
            [SalesOrder, Customer, new SchemaText("a.h3form.json", """{ "SchemaCode": "A1", "Namespace": "Sales.Forms", "Properties": [] }""")],
            "Orders", GeneratorHarness.ConsoleProjectUsings, new Dictionary<string, string> { ["ImplicitUsings"] = "enable" });

        Snapshot.Match("GlobalUsings", run.Source("H3YunGlobalUsings.g.cs"));
    }

    [Fact]
    public void A_class_of_ones_own_mapping_every_field_kind_is_implemented_as_the_approved_file()
    {
        const string code = """
            using System;
            using System.Collections.Generic;
            using System.Text.Json;
            using H3Yun;

            namespace Contoso.Reports;

            /// <summary>Every field of the all-types form.</summary>
            [H3Form("D000024AllTypes")]
            public partial class Everything
            {
                /// <summary>A keyword as the property's name.</summary>
                [H3Field("F0000001")] public partial string? @class { get; set; }
                /// <summary>Long text.</summary>
                [H3Field("F0000002")] public partial string? LongText { get; set; }
                /// <summary>An option's text.</summary>
                [H3Field("F0000003")] public partial string? Colour { get; set; }
                /// <summary>Checked options.</summary>
                [H3Field("F0000005")] public partial IReadOnlyList<string>? Days { get; set; }
                /// <summary>A number.</summary>
                [H3Field("F0000006")] public partial decimal? Amount { get; set; }
                /// <summary>An integer.</summary>
                [H3Field("F0000007")] public partial int? Count { get; set; }
                /// <summary>A long integer.</summary>
                [H3Field("F0000008")] public partial long? BigCount { get; set; }
                /// <summary>The instant of a date.</summary>
                [H3Field("F0000009")] public partial DateTimeOffset? Due { get; set; }
                /// <summary>Yes or no.</summary>
                [H3Field("F0000010")] public partial bool? Done { get; set; }
                /// <summary>A person.</summary>
                [H3Field("F0000011")] public partial string? Owner { get; set; }
                /// <summary>People.</summary>
                [H3Field("F0000012")] public partial IReadOnlyList<string>? Reviewers { get; set; }
                /// <summary>A department.</summary>
                [H3Field("F0000013")] public partial string? Department { get; set; }
                /// <summary>An association.</summary>
                [H3Field("F0000014")] public partial string? Customer { get; set; }
                /// <summary>Associations.</summary>
                [H3Field("F0000015")] public partial IReadOnlyList<string>? RelatedCustomers { get; set; }
                /// <summary>An address.</summary>
                [H3Field("F0000016")] public partial H3Address? Address { get; set; }
                /// <summary>A location.</summary>
                [H3Field("F0000017")] public partial H3Location? Location { get; set; }
                /// <summary>Attachments, read only.</summary>
                [H3Field("F0000018")] public partial IReadOnlyList<H3Attachment> Files { get; set; }
                /// <summary>The formula, read only.</summary>
                [H3Field("F0000020")] public partial decimal? Total { get; set; }
            }
            """;

        var run = GeneratorHarness.RunWithCode(code, GeneratorHarness.RepositorySchema("AllTypes.h3form.json"), Customer);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Where(d => d.Id != "CS1591"));
        var generated = run.MappedResult.GeneratedSources.Single(s => s.HintName.EndsWith(".H3Form.g.cs", StringComparison.Ordinal));
        Assert.Equal("Contoso_Reports_Everything.66158e10.H3Form.g.cs", generated.HintName);
        Snapshot.Match("MappedEverything", generated.SourceText.ToString());
    }

    [Fact]
    public void Every_example_schema_compiles_with_the_runtime_without_any_warning()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schemas"), "*.h3form.json")
            .Select(path => GeneratorHarness.RepositorySchema(Path.GetFileName(path)))
            .ToArray();

        var run = GeneratorHarness.Run(files);

        // A file per form, and the registration of their repositories.
        Assert.Equal(files.Length + 1, run.Result.GeneratedSources.Length);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Generated_code_is_usable_as_the_readme_shows()
    {
        const string usage = """
            using System.Threading.Tasks;
            using Contoso.Orders;
            using H3Yun;

            internal static class Usage
            {
                public static async Task<string?> RunAsync(H3YunClient client)
                {
                    var orders = new SalesOrderRepository(client);
                    var order = new SalesOrder { OrderNumber = "SO-1", Amount = 99.5m, Paid = false };
                    order.Lines.Add(new SalesOrder.OrderLine { Product = "Widget", Quantity = 2 });
                    var created = await orders.CreateAsync(order);
                    var loaded = await orders.LoadAsync(created.ObjectId);
                    var page = await orders.QueryAsync(SalesOrder.Where.OrderNumber.EqualTo("SO-1") & SalesOrder.Where.Amount.GreaterThan(10m));
                    await orders.UpdateAsync(created.ObjectId, new SalesOrder { Paid = true });
                    await orders.DeleteAsync(created.ObjectId);
                    return loaded?.OrderNumber + page.Items.Count + SalesOrder.Fields.OrderNumber + SalesOrder.SchemaCode;
                }
            }
            """;

        var run = GeneratorHarness.Run([SalesOrder, Customer], "Contoso.Orders", usage);

        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Forms_go_into_the_project_root_namespace_unless_the_schema_names_one()
    {
        var withNamespace = new SchemaText("a.h3form.json", """{ "SchemaCode": "A1", "Namespace": "Sales.Forms", "Properties": [] }""");
        var withoutNamespace = new SchemaText("b.h3form.json", """{ "SchemaCode": "B1", "Properties": [] }""");

        var run = GeneratorHarness.Run([withNamespace, withoutNamespace], rootNamespace: "My.App");

        Assert.Contains("namespace Sales.Forms", run.Source("A1.g.cs"));
        Assert.Contains("namespace My.App", run.Source("B1.g.cs"));
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3D.Models")]
    [InlineData("My.class")]
    public void Forms_go_into_H3Yun_Forms_when_the_project_has_no_usable_root_namespace(string? rootNamespace)
    {
        var run = GeneratorHarness.Run([new SchemaText("f.h3form.json", """{ "SchemaCode": "D1", "Properties": [] }""")], rootNamespace);

        Assert.Contains("namespace H3Yun.Forms", run.Source("D1.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void The_repositories_of_every_form_are_registered_for_dependency_injection_when_the_assembly_loads()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.RepositorySchema("SalesOrder.h3form.json"), GeneratorHarness.RepositorySchema("Customer.h3form.json"));

        var registration = run.Source(GeneratorHarness.RegistrationFile);

        Assert.Contains("[global::System.Runtime.CompilerServices.ModuleInitializer]", registration, StringComparison.Ordinal);
        Assert.Contains("global::H3Yun.CompilerServices.H3YunRepositories.Register(AddTo);", registration, StringComparison.Ordinal);
        Assert.Contains("global::H3Yun.CompilerServices.H3YunRepositories.Add(services, name, static client => new global::Contoso.Orders.SalesOrderRepository(client));", registration, StringComparison.Ordinal);
        Assert.Contains("global::H3Yun.CompilerServices.H3YunRepositories.Add(services, name, static client => new global::Contoso.Orders.CustomerRepository(client));", registration, StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void A_project_without_forms_gets_no_registration()
    {
        var run = GeneratorHarness.Run(new SchemaText("broken.h3form.json", "{"));

        Assert.DoesNotContain(run.Result.GeneratedSources, s => s.HintName == GeneratorHarness.RegistrationFile);
    }

    [Fact]
    public void Schema_codes_that_differ_only_in_punctuation_get_files_of_their_own()
    {
        var run = GeneratorHarness.Run(
            new SchemaText("a.h3form.json", """{ "SchemaCode": "D1-x", "ClassName": "A", "Properties": [] }"""),
            new SchemaText("b.h3form.json", """{ "SchemaCode": "D1_x", "ClassName": "B", "Properties": [] }"""),
            new SchemaText("c.h3form.json", """{ "SchemaCode": "D1.x", "ClassName": "C", "Properties": [] }"""));

        Assert.Equal(3, run.Result.GeneratedSources.Select(s => s.HintName).Where(h => h != GeneratorHarness.RegistrationFile).Distinct().Count());
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{ \"SchemaCode\": 5, \"Properties\": {} }")]
    [InlineData("{ \"SchemaCode\": \"X\", \"Properties\": [ 1, null, { \"Name\": [] }, { \"Name\": \"F1\", \"DataType\": {} } ] }")]
    [InlineData("{ \"SchemaCode\": \"X\", \"Properties\": [ { \"Name\": \"class\", \"DataType\": \"BizObjectArray\", \"ChildSchema\": { \"SchemaCode\": \"C\", \"Properties\": [ { \"Name\": \"F\", \"DataType\": \"BizObjectArray\" } ] } } ] }")]
    public void Broken_schema_files_become_diagnostics_never_exceptions_or_broken_code(string text)
    {
        var run = GeneratorHarness.Run(new SchemaText("broken.h3form.json", text));

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id.StartsWith("H3Y", StringComparison.Ordinal));
        Assert.Empty(run.CompilationDiagnostics);
    }
}
