using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Model;

/// <summary>A place in a schema file, kept as plain values so that models stay equatable and hold no Roslyn objects.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
