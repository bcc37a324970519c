using System.Reflection;
using H3Yun.Generators.Model;
using H3Yun.Generators.Naming;

namespace H3Yun.Generators.Tests;

/// <summary>The generator's lists of names cannot drift from the runtime types they describe.</summary>
public class ReservedNamesTests
{
    [Fact]
    public void The_names_a_form_inherits_are_exactly_the_members_h3bizobject_offers_a_subclass()
    {
        Assert.Equal(MembersVisibleToSubclasses(typeof(H3BizObject)), ReservedNames.InheritedByForm.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_names_a_row_inherits_are_exactly_the_members_h3childrow_offers_a_subclass()
    {
        Assert.Equal(MembersVisibleToSubclasses(typeof(H3ChildRow)), ReservedNames.InheritedByRow.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_system_field_of_the_runtime_is_one_the_generator_knows()
    {
        var runtime = typeof(H3Yun.SystemFields).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);

        Assert.All(runtime, code => Assert.True(Model.SystemFields.IsSystemMember(code), code));
        Assert.All(Model.SystemFields.Handles, f => Assert.NotNull(typeof(H3Yun.SystemFields).GetField(f.Code)));
    }

    [Theory]
    [InlineData("HasChanges")]
    [InlineData("OwnerIdObject")]
    [InlineData("Where")]
    public void A_field_named_like_an_inherited_or_declared_member_is_renamed(string displayName)
    {
        var text = $$"""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DisplayName": "{{displayName}}", "DataType": 14 } ] }""";

        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        Assert.Contains($"public string? {displayName}_F1 ", run.Source("D1.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Theory]
    [InlineData("SchemaCode", true)]
    [InlineData("Fields", true)]
    [InlineData("Options", true)]
    [InlineData("FormInfo", false)]
    [InlineData("Where", false)]
    public void A_field_named_like_a_member_a_generated_class_declares_is_renamed_where_that_class_declares_it(string name, bool rowDeclaresIt)
    {
        var text = $$"""
            { "SchemaCode": "D1", "Properties": [
              { "Name": "F1", "DisplayName": "{{name}}", "DataType": 14 },
              { "Name": "D1F", "DisplayName": "Lines", "DataType": "BizObjectArray", "ChildSchema": { "SchemaCode": "D1F", "Properties": [
                { "Name": "F2", "DisplayName": "{{name}}", "DataType": 14 } ] } } ] }
            """;

        var run = GeneratorHarness.Run(new SchemaText("f.h3form.json", text));

        var source = run.Source("D1.g.cs");
        Assert.Contains($"public string? {name}_F1 ", source, StringComparison.Ordinal);
        Assert.Contains(rowDeclaresIt ? $"public string? {name}_F2 " : $"public string? {name} ", source, StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
    }

    /// <summary>Public and protected members, inherited ones included, that a subclass in another assembly sees.</summary>
    private static SortedSet<string> MembersVisibleToSubclasses(Type type)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (IsVisibleToSubclass(member))
                {
                    names.Add(member.Name);
                }
            }
        }

        return names;
    }

    private static bool IsVisibleToSubclass(MemberInfo member) => member switch
    {
        ConstructorInfo => false,
        MethodInfo method => !method.IsSpecialName && Visible(method),
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(Visible),
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        EventInfo e => e.GetAddMethod(nonPublic: true) is { } add && Visible(add),
        Type nested => nested.IsNestedPublic || nested.IsNestedFamily || nested.IsNestedFamORAssem,
        _ => false,
    };

    private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;
}
