using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace H3Yun.Generators.Model;

/// <summary>A place in a file, kept as plain values so that diagnostics stay equatable and hold no Roslyn objects.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    /// <summary>The whole file, for problems that have no token of their own (an internal error while emitting).</summary>
    public static LocationInfo File(string path) => new(path, default, default);
}
