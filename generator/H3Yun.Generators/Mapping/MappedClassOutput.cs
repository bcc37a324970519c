using System;
using H3Yun.Generators.Diagnostics;
using H3Yun.Generators.Emitting;
using H3Yun.Generators.Model;
using Microsoft.CodeAnalysis;

namespace H3Yun.Generators.Mapping;

/// <summary>The output step for one mapped class: bind it to its form, report, emit; never throw into the compiler.</summary>
internal static class MappedClassOutput
{
    public static void Emit(SourceProductionContext output, MappedClassSpec mapped, FormSet forms)
    {
        try
        {
            var binding = MappedClassBinder.Bind(mapped, forms);
            foreach (var diagnostic in binding.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (binding.Emit)
            {
                output.AddSource(MappedClassEmitter.HintName(mapped), MappedClassEmitter.Emit(binding));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            output.ReportDiagnostic(DiagnosticInfo.Create(
                DiagnosticDescriptors.InternalError, mapped.AttributeLocation, mapped.ClassName, exception.GetType().Name + ": " + exception.Message).ToDiagnostic());
        }
    }
}
