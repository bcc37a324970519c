using System.Reflection;
using H3Yun.Generators.Diagnostics;
using H3Yun.Generators.Model;
using Microsoft.CodeAnalysis;

namespace H3Yun.Generators.Tests;

/// <summary>Every schema diagnostic names its file the same way: the factory's first argument is message argument {0}.</summary>
public class DiagnosticFactoryTests
{
    public static TheoryData<string> SchemaFactories => [.. typeof(SchemaDiagnostics).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(SchemaFactories))]
    public void Each_schema_factory_puts_the_file_first_and_its_message_names_it(string factory)
    {
        var method = typeof(SchemaDiagnostics).GetMethod(factory)!;
        var arguments = method.GetParameters()
            .Select(p => p.ParameterType == typeof(bool) ? (object)true
                : p.ParameterType == typeof(Exception) ? new InvalidOperationException("boom")
                : p.Name == "file" || p.Name == "subject" ? "the-file.h3form.json" : "x-" + p.Name)
            .ToArray();

        var message = (DiagnosticMessage)method.Invoke(null, arguments)!;

        Assert.Equal("H3Yun.Schema", message.Descriptor.Category);
        Assert.Equal("the-file.h3form.json", message.Arguments[0]);
        Assert.Contains("'{0}'", message.Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var text = message.At(null).ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'the-file.h3form.json'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text.Replace("{ ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_automatic_renames_are_information()
    {
        Assert.Equal(DiagnosticSeverity.Info, SchemaDiagnostics.NameChanged(false, "f", "w", "F", "a", "b", "c", "d").Descriptor.DefaultSeverity);
        Assert.Equal(DiagnosticSeverity.Warning, SchemaDiagnostics.NameChanged(true, "f", "w", "F", "a", "b", "c", "d").Descriptor.DefaultSeverity);
    }
}
