using System.Collections;
using System.Reflection;
using H3Yun.Generators;
using Microsoft.CodeAnalysis;

namespace H3Yun.Generators.Tests;

/// <summary>
/// The checks every generator test makes, in the style of NetEscapades.EnumGenerators' test helpers: a second run
/// on a clone of the compilation must find every tracked step Cached or Unchanged and produce the same files, and
/// no step may keep a Roslyn symbol, syntax node or compilation in its output, which would defeat caching and hold
/// memory across edits.
/// </summary>
internal static class Incrementality
{
    /// <summary>Every name in <see cref="TrackingNames"/>: the steps the generators declare.</summary>
    public static readonly string[] TrackedSteps =
        [.. typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!)];

    public static void AssertRerunIsCached(GeneratorDriver driver, Compilation compilation)
    {
        var first = driver.GetRunResult();
        var second = driver.RunGenerators(compilation.Clone()).GetRunResult();

        Assert.Equal(
            first.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())),
            second.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())));
        foreach (var result in second.Results)
        {
            foreach (var (name, steps) in result.TrackedSteps.Where(step => TrackedSteps.Contains(step.Key)))
            {
                var reasons = steps.SelectMany(step => step.Outputs).Select(output => output.Reason).Distinct();
                Assert.True(
                    reasons.All(reason => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged),
                    $"Step {name} of {result.Generator.GetGeneratorType().Name} reran on an unchanged compilation: {string.Join(", ", reasons)}");
            }

            foreach (var output in result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs))
            {
                Assert.True(output.Reason == IncrementalStepRunReason.Cached, $"An output of {result.Generator.GetGeneratorType().Name} reran: {output.Reason}");
            }
        }

        foreach (var result in first.Results)
        {
            foreach (var (name, steps) in result.TrackedSteps.Where(step => TrackedSteps.Contains(step.Key)))
            {
                foreach (var output in steps.SelectMany(step => step.Outputs))
                {
                    AssertNoRoslynObjects(output.Value, name);
                }
            }
        }
    }

    /// <summary>The reasons of one step's outputs after the last run.</summary>
    public static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step) =>
        [.. driver.GetRunResult().Results
            .SelectMany(r => r.TrackedSteps.TryGetValue(step, out var steps) ? steps : [])
            .SelectMany(s => s.Outputs)
            .Select(o => o.Reason)];

    /// <summary>The reasons of the source outputs (files and diagnostics) after the last run.</summary>
    public static IncrementalStepRunReason[] OutputReasons(GeneratorDriver driver) =>
        [.. driver.GetRunResult().Results
            .SelectMany(r => r.TrackedOutputSteps.SelectMany(s => s.Value))
            .SelectMany(s => s.Outputs)
            .Select(o => o.Reason)];

    private static void AssertNoRoslynObjects(object? value, string step)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object?>([value]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is null || current is string || current.GetType().IsPrimitive || current.GetType().IsEnum || !seen.Add(current))
            {
                continue;
            }

            Assert.False(
                current is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel,
                $"Step {step} keeps a {current.GetType().Name} in its output, which defeats caching.");
            // Descriptors and text positions are Roslyn types that are plain values; they need no walk.
            if (current is DiagnosticDescriptor || current.GetType().Namespace?.StartsWith("Microsoft.CodeAnalysis.Text", StringComparison.Ordinal) == true)
            {
                continue;
            }

            if (current is IEnumerable items and not string)
            {
                foreach (var item in items)
                {
                    pending.Push(item);
                }
            }

            for (var type = current.GetType(); type is not null && type != typeof(object); type = type.BaseType)
            {
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    pending.Push(field.GetValue(current));
                }
            }
        }
    }
}
