using Microsoft.CodeAnalysis;

namespace H3Yun.Generators.Model;

/// <summary>A diagnostic's descriptor and message arguments, without a place: made by the factories in <c>Diagnostics/</c>.</summary>
internal sealed record DiagnosticMessage(DiagnosticDescriptor Descriptor, EquatableArray<string> Arguments)
{
    public DiagnosticInfo At(LocationInfo? location) => new(this, location);
}

/// <summary>A diagnostic to report, kept as equatable values until the output step turns it into a <see cref="Diagnostic"/>.</summary>
internal sealed record DiagnosticInfo(DiagnosticMessage Message, LocationInfo? Location)
{
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Message.Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, [.. Message.Arguments]);
}
