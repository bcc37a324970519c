namespace H3Yun.Generators.Model;

/// <summary>What parsing one schema file produced: a form when the file is usable, and its diagnostics.</summary>
internal sealed record SchemaFile(string FilePath, FormSpec? Form, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The project's forms after cross-file checks, ready to emit, and the diagnostics of those checks.</summary>
internal sealed record FormSet(EquatableArray<FormSpec> Forms, EquatableArray<DiagnosticInfo> Diagnostics);
