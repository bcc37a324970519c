using System;
using System.Threading;

namespace H3Yun.Generators.Diagnostics;

/// <summary>The stages whose exceptions the generators turn into H3Y9999, each behind its own catch.</summary>
internal enum GeneratorStage
{
    /// <summary>Writing a schema file's form.</summary>
    FormEmitter,

    /// <summary>Binding an <c>[H3Form]</c> class's properties to its form's fields.</summary>
    MappedClassBinder,

    /// <summary>Writing an <c>[H3Form]</c> class's implementation.</summary>
    MappedClassEmitter,
}

/// <summary>
/// A fault the tests plant in one stage for one subject, to prove that the stage's catch turns an exception into
/// H3Y9999 instead of a crash of the compiler. No known input makes the emitters or the binder throw, so this proof
/// needs a seam. It is async-local: a fault stays inside the test run that planted it, and is never set otherwise.
/// </summary>
internal static class PlantedFault
{
    private static readonly AsyncLocal<Planted?> Current = new();

    /// <summary>Makes <paramref name="stage"/> throw <paramref name="fault"/> for <paramref name="subject"/> until disposed.</summary>
    public static IDisposable Plant(GeneratorStage stage, string subject, Func<Exception> fault)
    {
        Current.Value = new Planted(stage, subject, fault);
        return new Removal();
    }

    /// <summary>Throws the fault planted in <paramref name="stage"/> for <paramref name="subject"/>, if there is one.</summary>
    public static void ThrowIfPlanted(GeneratorStage stage, string subject)
    {
        if (Current.Value is { } planted && planted.Stage == stage && planted.Subject == subject)
        {
            throw planted.Fault();
        }
    }

    private sealed record Planted(GeneratorStage Stage, string Subject, Func<Exception> Fault);

    private sealed class Removal : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }
}
