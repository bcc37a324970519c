using H3Yun.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace H3Yun.Generators.Model;

/// <summary>A diagnostic to report, kept as equatable values until the output step turns it into a <see cref="Diagnostic"/>.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location?.ToLocation(), [.. Arguments]);
}
