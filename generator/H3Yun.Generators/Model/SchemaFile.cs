namespace H3Yun.Generators.Model;

/// <summary>What parsing one schema file produced: a form when the file is usable, where its parts are, and its diagnostics.</summary>
internal sealed record SchemaFile(string FilePath, FormSpec? Form, SchemaLocations Locations, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The project's forms after cross-file checks, ready to emit, and the problems those checks found.</summary>
internal sealed record FormSet(EquatableArray<FormSpec> Forms, EquatableArray<FormProblem> Problems);

/// <summary>
/// A problem the resolver found, anchored to a part of a schema file rather than to a text position, so that the
/// resolver works on location-free forms; the diagnostics step looks the anchor up in <see cref="SchemaLocations"/>.
/// </summary>
/// <param name="FilePath">The schema file.</param>
/// <param name="Anchor">What the problem is about: <see cref="SchemaLocations.SchemaCodeAnchor"/>, <see cref="SchemaLocations.ClassNameAnchor"/> or a field's anchor.</param>
/// <param name="Message">The diagnostic.</param>
internal sealed record FormProblem(string FilePath, string Anchor, DiagnosticMessage Message);
