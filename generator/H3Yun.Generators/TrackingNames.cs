namespace H3Yun.Generators;

/// <summary>The names of the pipeline steps, for incremental-caching tests; the tests check every one of them.</summary>
public static class TrackingNames
{
    /// <summary>Parsing one schema file.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>The location-free form of one schema file.</summary>
    public const string Form = nameof(Form);

    /// <summary>Reading the project's root namespace.</summary>
    public const string RootNamespace = nameof(RootNamespace);

    /// <summary>Resolving the set of forms.</summary>
    public const string Resolve = nameof(Resolve);

    /// <summary>The forms to emit, one by one.</summary>
    public const string Forms = nameof(Forms);

    /// <summary>One schema file's own diagnostics.</summary>
    public const string FileDiagnostics = nameof(FileDiagnostics);

    /// <summary>The resolver's problems, without locations.</summary>
    public const string Problems = nameof(Problems);

    /// <summary>The resolver's problems with one file, at their tokens.</summary>
    public const string SetDiagnostics = nameof(SetDiagnostics);

    /// <summary>The location-free index of forms that mapped classes look their form up in.</summary>
    public const string FormIndex = nameof(FormIndex);

    /// <summary>The user's classes marked [H3Form], with their locations.</summary>
    public const string MappedClasses = nameof(MappedClasses);

    /// <summary>The user's classes marked [H3Form], without locations.</summary>
    public const string MappedClassSpecs = nameof(MappedClassSpecs);

    /// <summary>Each mapped class with the form it names.</summary>
    public const string MappedClassForms = nameof(MappedClassForms);

    /// <summary>Each mapped class bound to its form: what to emit and what is wrong.</summary>
    public const string Bindings = nameof(Bindings);

    /// <summary>The mapped classes' problems at their attribute arguments.</summary>
    public const string MappingDiagnostics = nameof(MappingDiagnostics);

    /// <summary>The forms' repositories, for the dependency-injection registration.</summary>
    public const string Repositories = nameof(Repositories);

    /// <summary>The [H3Form] classes' repositories, for the dependency-injection registration.</summary>
    public const string MappedRepositories = nameof(MappedRepositories);

    /// <summary>Whether the project wants the generated <c>global using</c> directives (ImplicitUsings, H3YunImplicitUsings).</summary>
    public const string ImplicitUsings = nameof(ImplicitUsings);

    /// <summary>The namespaces the generated <c>global using</c> directives import.</summary>
    public const string GlobalUsings = nameof(GlobalUsings);
}
