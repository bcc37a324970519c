using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;

namespace H3Yun.Packaging.Tests;

/// <summary>
/// Every file of every package, against the lists in <c>Layouts/</c> (a difference writes <c>.received.txt</c>
/// beside them for review), and what the packages say about themselves: licence, readme, repository and commit,
/// dependencies per target framework, and assemblies that are deterministic with embedded, SourceLinked PDBs.
/// </summary>
[Collection(PackagesGroup.Name)]
public class PackageLayoutTests(PackedFeed feed)
{
    public static TheoryData<string> Packages => new() { "H3Yun.Generators", "H3Yun.Emulator", "H3Yun.Cli", "H3Yun.Sync", "H3Yun.Spreadsheets" };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_file_of_the_package_is_the_one_listed(string id)
    {
        using var package = ZipFile.OpenRead(feed.Package(id));
        var actual = string.Join('\n', package.Entries.Select(entry => entry.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal) && !name.StartsWith("package/services/", StringComparison.Ordinal) && name != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)) + "\n";

        var folder = Path.Combine(PackedFeed.RepositoryRoot, "tests", "H3Yun.Packaging.Tests", "Layouts");
        var expected = File.ReadAllText(Path.Combine(folder, id + ".txt")).ReplaceLineEndings("\n");
        var received = Path.Combine(folder, id + ".received.txt");
        if (expected != actual)
        {
            File.WriteAllText(received, actual);
        }
        else
        {
            File.Delete(received);
        }

        Assert.True(expected == actual, $"The files of {id} changed; review: diff -u {Path.Combine(folder, id + ".txt")} {received}");
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_package_names_its_licence_readme_and_the_commit_it_was_built_from(string id)
    {
        var metadata = Nuspec(id);

        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal(feed.Version, Value(metadata, "version"));
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.Equal("expression", metadata.Element(metadata.Name.Namespace + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", Value(metadata, "readme"));
        var repository = metadata.Element(metadata.Name.Namespace + "repository")!;
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.Equal(PackedFeed.Origin + ".git", repository.Attribute("url")!.Value);
        Assert.Equal(feed.Commit, repository.Attribute("commit")!.Value);
        using var package = ZipFile.OpenRead(feed.Package(id));
        Assert.NotEmpty(new StreamReader(package.GetEntry("README.md")!.Open()).ReadToEnd().Trim());
    }

    [Fact]
    public void H3Yun_Generators_depends_on_the_runtimes_packages_for_each_target_framework_and_on_nothing_of_the_generators()
    {
        var groups = Nuspec("H3Yun.Generators").Descendants().Where(e => e.Name.LocalName == "group")
            .ToDictionary(g => g.Attribute("targetFramework")!.Value, g => g.Elements().Select(d => d.Attribute("id")!.Value).Order(StringComparer.Ordinal).ToList());
        var runtime = XDocument.Load(Path.Combine(feed.Source, "runtime", "H3Yun.Runtime", "H3Yun.Runtime.csproj"))
            .Descendants("PackageReference").Where(r => r.Attribute("PrivateAssets")?.Value != "all")
            .Select(r => r.Attribute("Include")!.Value).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["net10.0", "net8.0"], groups.Keys.Order(StringComparer.Ordinal));
        Assert.All(groups.Values, dependencies => Assert.Equal(runtime, dependencies));
    }

    [Fact]
    public void The_analyzer_folder_holds_exactly_what_the_generator_needs_that_a_compiler_does_not_bring()
    {
        // From the generator's dependency graph: the netstandard2.0 dlls of System.Text.Json's closure, less the
        // packages Roslyn's closure already has (a compiler on .NET Framework loads those from its own folder).
        var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(feed.Source, "generator", "H3Yun.Generators", "obj", "project.assets.json")));
        var libraries = assets.RootElement.GetProperty("targets").EnumerateObject().Single().Value.EnumerateObject()
            .ToDictionary(p => p.Name.Split('/')[0], p => p.Value, StringComparer.OrdinalIgnoreCase);
        var needed = Closure("System.Text.Json", libraries).Except(Closure("Microsoft.CodeAnalysis.CSharp", libraries), StringComparer.OrdinalIgnoreCase);
        var expected = needed
            .SelectMany(id => libraries[id].TryGetProperty("runtime", out var runtime) ? runtime.EnumerateObject().Select(p => Path.GetFileName(p.Name)) : [])
            .Where(name => name.EndsWith(".dll", StringComparison.Ordinal))
            .Append("H3Yun.Generators.dll")
            .Order(StringComparer.Ordinal);

        using var package = ZipFile.OpenRead(feed.Package("H3Yun.Generators"));
        var analyzers = package.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, analyzers.Select(e => e.Name).Order(StringComparer.Ordinal));
        foreach (var dll in analyzers)
        {
            Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(dll));
        }
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Our_assemblies_are_deterministic_with_embedded_pdbs_that_SourceLink_maps_to_the_commit(string id)
    {
        using var package = ZipFile.OpenRead(feed.Package(id));
        var ours = package.Entries.Where(e => e.Name.StartsWith("H3Yun.", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(ours);
        foreach (var entry in ours)
        {
            using var image = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(image);
            }

            image.Position = 0;
            using var pe = new PEReader(image);
            var debug = pe.ReadDebugDirectory();
            Assert.Contains(debug, d => d.Type == DebugDirectoryEntryType.Reproducible);
            var embedded = debug.Single(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
            using var pdb = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
            var reader = pdb.GetMetadataReader();
            var documents = reader.Documents.Select(h => reader.GetString(reader.GetDocument(h).Name)).ToList();
            Assert.All(documents, path => Assert.StartsWith("/_/", path, StringComparison.Ordinal));
            var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
            var sourceLink = reader.CustomDebugInformation.Select(reader.GetCustomDebugInformation).Single(c => reader.GetGuid(c.Kind) == sourceLinkKind);
            var map = JsonDocument.Parse(reader.GetBlobBytes(sourceLink.Value)).RootElement.GetProperty("documents");
            Assert.Equal($"https://raw.githubusercontent.com/h3yun-generators/h3yun-generators/{feed.Commit}/*", map.GetProperty("/_/*").GetString());
        }
    }

    private XElement Nuspec(string id)
    {
        using var package = ZipFile.OpenRead(feed.Package(id));
        using var stream = package.GetEntry(id + ".nuspec")!.Open();
        var document = XDocument.Load(stream);
        return document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Value(XElement metadata, string name) => metadata.Element(metadata.Name.Namespace + name)?.Value;

    private static HashSet<string> Closure(string id, Dictionary<string, JsonElement> libraries)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>([id]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current) || !libraries.TryGetValue(current, out var library) || !library.TryGetProperty("dependencies", out var dependencies))
            {
                continue;
            }

            foreach (var dependency in dependencies.EnumerateObject())
            {
                pending.Push(dependency.Name);
            }
        }

        return seen;
    }

    private static string? TargetFramework(ZipArchiveEntry dll)
    {
        using var image = new MemoryStream();
        using (var stream = dll.Open())
        {
            stream.CopyTo(image);
        }

        image.Position = 0;
        using var pe = new PEReader(image);
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind == HandleKind.MemberReference
                && reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name) == "TargetFrameworkAttribute")
            {
                var blob = reader.GetBlobReader(attribute.Value);
                blob.ReadUInt16();
                return blob.ReadSerializedString();
            }
        }

        return null;
    }
}
