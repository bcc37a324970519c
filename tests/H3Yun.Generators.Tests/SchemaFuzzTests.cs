using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace H3Yun.Generators.Tests;

/// <summary>
/// Thousands of mutated and truncated schema files through the generator: nothing escapes into the compiler,
/// every invalid file gets an H3Y diagnostic, and whatever is generated compiles without a warning.
/// </summary>
public class SchemaFuzzTests
{
    private const int Seed = 20240501;
    private const int Variants = 2000;
    private const int CompileBatch = 300;

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", " ", "\n", "//x\n", "/*", "null", "true", "0", "-1", "14", "41", "7", "1e400",
        "\"\"", "{}", "[]", "\"Name\"", "\"DataType\"", "\"Properties\"", "\"SchemaCode\"", "\"ChildSchema\"", "\"Options\"",
        "[\"a\", \"a\"]", "\"PropertyName\"", "\"ClassName\"", "\"DisplayName\"", "\"Multiple\"", "\"AssociationSchemaCode\"",
        "\"class\"", "\"1abc\"", "\"名称\"", "\"F0000001\"", "\"BizObjectArray\"", "\"Association\"", "\"Html\"", "\"a b-c\"",
        "\"ObjectId\"", "\"Where\"", "\"FormInfo\"", "\"Fields\"", "\"\\u0000\"", "\"\\\"\"", "\"<x&y>\"",
    ];

    [Fact]
    public void Mutated_and_truncated_schemas_never_crash_always_explain_and_always_compile()
    {
        var seeds = SeedSchemas();
        var random = new Random(Seed);
        var failures = new List<string>();
        var generated = new List<(int Variant, string Text, SyntaxTree Tree)>();
        var invalidCount = 0;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var empty = GeneratorHarness.CreateCompilation();

        for (var i = 0; i < Variants; i++)
        {
            var text = Mutate(seeds[random.Next(seeds.Count)], random);
            var invalid = InvalidReason(text);
            invalidCount += invalid is null ? 0 : 1;
            // Each variant in a namespace of its own, so that many can be compiled together.
            var driver = GeneratorHarness.CreateDriver([new SchemaText($"v{i}.h3form.json", text)], $"Fuzz.V{i}")
                .RunGeneratorsAndUpdateCompilation(empty, out var output, out var diagnostics);
            var result = driver.GetRunResult().Results.Single(r => r.Generator.GetGeneratorType() == typeof(H3FormGenerator));

            if (result.Exception is not null)
            {
                failures.Add($"variant {i}: exception {result.Exception}\n{text}");
            }

            if (diagnostics.FirstOrDefault(d => d.Id is "CS8785" or "AD0001" or "H3Y9999") is { } crash)
            {
                failures.Add($"variant {i}: {crash}\n{text}");
            }

            if (invalid is not null && !diagnostics.Any(d => d.Id.StartsWith("H3Y", StringComparison.Ordinal) && d.Location.GetLineSpan().Path == $"v{i}.h3form.json"))
            {
                failures.Add($"variant {i}: invalid ({invalid}) but no H3Y diagnostic\n{text}");
            }

            // Many variants generate the same code; compiling it once is enough.
            generated.AddRange(output.SyntaxTrees.Except(empty.SyntaxTrees)
                .Where(tree => distinct.Add(tree.ToString().Replace($"Fuzz.V{i}", "Fuzz.V", StringComparison.Ordinal)))
                .Select(tree => (i, text, tree)));
        }

        for (var start = 0; start < generated.Count; start += CompileBatch)
        {
            var batch = generated.Skip(start).Take(CompileBatch).ToArray();
            var compilation = empty.AddSyntaxTrees(batch.Select(b => b.Tree));
            foreach (var diagnostic in compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(5))
            {
                var culprit = batch.FirstOrDefault(b => b.Tree == diagnostic.Location.SourceTree);
                failures.Add($"variant {culprit.Variant}: generated code does not compile: {diagnostic}\n{culprit.Text}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures; the first:\n{string.Join("\n---\n", failures.Take(3))}\n{string.Join("\n", failures.Select(f => f.Split('\n')[0]))}");
        // The mutations must exercise both sides, or the test proves little.
        Assert.True(invalidCount >= Variants / 4 && invalidCount <= Variants - (Variants / 5), $"{invalidCount} of {Variants} variants are invalid");
        Assert.True(generated.Count > Variants / 10, $"only {generated.Count} generated files");
    }

    [Fact]
    public void The_invalid_oracle_agrees_with_the_readme_on_simple_cases()
    {
        Assert.Null(InvalidReason("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": 14 }, ] } // ok"""));
        Assert.NotNull(InvalidReason("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1" } ] }"""));
        Assert.NotNull(InvalidReason("""{ "SchemaCode": " ", "Properties": [] }"""));
        Assert.NotNull(InvalidReason("""{ "SchemaCode": "D1", "Properties": {} }"""));
        Assert.NotNull(InvalidReason("""{ "SchemaCode": "D1", "Properties": [ { "Name": "F1", "DataType": 41 } ] }"""));
        Assert.NotNull(InvalidReason("""{ "SchemaCode": "D1", "Properties": [ ] """));
    }

    /// <summary>
    /// Why a schema file is invalid, decided without the generator from the README's rules: it must be JSON
    /// (comments and trailing commas allowed) holding an object with a non-blank string SchemaCode and a Properties
    /// array; each property (system fields aside) an object with a non-blank string Name and a string or number
    /// DataType; a BizObjectArray property a ChildSchema object that follows the same rules.
    /// </summary>
    private static string? InvalidReason(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return InvalidForm(document.RootElement);
        }
        catch (JsonException exception)
        {
            return "not JSON: " + exception.Message;
        }
    }

    private static string? InvalidForm(JsonElement form)
    {
        if (form.ValueKind != JsonValueKind.Object)
        {
            return "not an object";
        }

        if (Member(form, "SchemaCode") is not { ValueKind: JsonValueKind.String } code || string.IsNullOrWhiteSpace(code.GetString()))
        {
            return "no SchemaCode";
        }

        if (Member(form, "Properties") is not { ValueKind: JsonValueKind.Array } properties)
        {
            return "no Properties";
        }

        foreach (var property in properties.EnumerateArray())
        {
            if (property.ValueKind != JsonValueKind.Object)
            {
                return "a property is not an object";
            }

            if (Member(property, "Name") is not { ValueKind: JsonValueKind.String } name || string.IsNullOrWhiteSpace(name.GetString()))
            {
                return "a property without Name";
            }

            if (IsSystemField(name.GetString()!.Trim()))
            {
                continue;
            }

            if (Member(property, "DataType") is not { ValueKind: JsonValueKind.String or JsonValueKind.Number } dataType
                || (dataType.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(dataType.GetString())))
            {
                return "a property without DataType";
            }

            var text = dataType.ValueKind == JsonValueKind.Number ? dataType.GetRawText() : dataType.GetString()!.Trim();
            if (text is "41" || string.Equals(text, "BizObjectArray", StringComparison.OrdinalIgnoreCase))
            {
                if (Member(property, "ChildSchema") is not { } child)
                {
                    return "a child table without ChildSchema";
                }

                if (InvalidForm(child) is { } reason)
                {
                    return "child schema: " + reason;
                }
            }
        }

        return null;
    }

    private static bool IsSystemField(string code) =>
        code.ToUpperInvariant() is "OBJECTID" or "NAME" or "CREATEDBY" or "OWNERID" or "OWNERDEPTID" or "CREATEDTIME" or "MODIFIEDBY"
            or "MODIFIEDTIME" or "WORKFLOWINSTANCEID" or "STATUS" or "SEQNO" or "STATE" or "PARENTOBJECTID" or "PARENTPROPERTYNAME" or "PARENTINDEX";

    // The first member of that name in any case, as the schema format matches names.
    private static JsonElement? Member(JsonElement element, string name)
    {
        foreach (var member in element.EnumerateObject())
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return member.Value.ValueKind == JsonValueKind.Null ? null : member.Value;
            }
        }

        return null;
    }

    private static readonly string[] DataTypes =
    [
        "ShortString", "String", "Double", "Int", "Long", "DateTime", "Bool", "Unit", "UnitArray", "Association", "BizObjectArray",
        "Image", "Html", "TimeSpan", "Colour", "14", "41", "7", "99", "-3", "shortstring",
    ];

    /// <summary>Half the variants change the JSON tree and stay JSON; the other half change the text and mostly break it.</summary>
    private static string Mutate(string seed, Random random) =>
        random.Next(2) == 0 && MutateTree(seed, random) is { } tree ? tree : MutateText(seed, random);

    private static string? MutateTree(string seed, Random random)
    {
        var root = JsonNode.Parse(seed, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var count = random.Next(1, 4);
        for (var m = 0; m < count && nodes.Count > 1; m++)
        {
            var node = nodes[random.Next(1, nodes.Count)];
            var parent = node.Parent!;
            switch (random.Next(5))
            {
                case 0 when parent is JsonObject obj:
                    obj.Remove(node.GetPropertyName());
                    break;
                case 1 when parent is JsonArray array:
                    array.Add(node.DeepClone());
                    break;
                case 2 when parent is JsonObject obj && node.GetPropertyName() == "DataType":
                    var type = DataTypes[random.Next(DataTypes.Length)];
                    obj["DataType"] = int.TryParse(type, CultureInfo.InvariantCulture, out var number) && random.Next(2) == 0 ? number : type;
                    break;
                case 3 when parent is JsonObject obj:
                    obj[node.GetPropertyName()] = JsonNode.Parse(Tokens[random.Next(Tokens.Length)] is var token && IsJsonValue(token) ? token : "null");
                    break;
                default:
                    if (parent is JsonObject target)
                    {
                        var name = new[] { "Options", "Multiple", "PropertyName", "ClassName", "AssociationSchemaCode", "ChildSchema", "DisplayName" }[random.Next(7)];
                        target[name] = JsonNode.Parse(Tokens[random.Next(Tokens.Length)] is var value && IsJsonValue(value) ? value : "true");
                    }

                    break;
            }

            nodes.Clear();
            Collect(root, nodes);
        }

        return root?.ToJsonString();
    }

    private static bool IsJsonValue(string token)
    {
        try
        {
            using var document = JsonDocument.Parse(token);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
        {
            return;
        }

        nodes.Add(node);
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(static member => member.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children)
        {
            Collect(child, nodes);
        }
    }

    private static string MutateText(string seed, Random random)
    {
        var text = new StringBuilder(seed);
        var count = random.Next(1, 4);
        for (var m = 0; m < count; m++)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(6))
            {
                case 0:
                    text.Length = at;
                    break;
                case 1:
                    text.Remove(at, Math.Min(random.Next(1, 24), text.Length - at));
                    break;
                case 2:
                case 3:
                    text.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 4:
                    ReplaceStringValue(text, random);
                    break;
                default:
                    var from = random.Next(text.Length + 1);
                    var slice = text.ToString(from, Math.Min(random.Next(1, 120), text.Length - from));
                    text.Insert(at, slice);
                    break;
            }
        }

        return text.ToString();
    }

    // Replaces the content of a random string literal, so that values change while the JSON usually stays valid.
    private static void ReplaceStringValue(StringBuilder text, Random random)
    {
        var value = text.ToString();
        var open = value.IndexOf('"', random.Next(value.Length + 1));
        var close = open < 0 ? -1 : value.IndexOf('"', open + 1);
        if (close < 0)
        {
            return;
        }

        var token = Tokens[random.Next(Tokens.Length)];
        text.Remove(open, close - open + 1).Insert(open, token.StartsWith('"') ? token : "\"" + token.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"");
    }

    private static List<string> SeedSchemas()
    {
        var files = new[] { "Schemas", "FuzzSeeds" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, folder), "*.h3form.json"))
            .Select(File.ReadAllText)
            // A namespace named in the file would put every variant of it into one namespace.
            .Select(text => System.Text.RegularExpressions.Regex.Replace(text, "\"Namespace\"\\s*:\\s*\"[^\"]*\",?", string.Empty))
            .ToList();
        Assert.True(files.Count >= 4, string.Create(CultureInfo.InvariantCulture, $"only {files.Count} seed schemas"));
        files.Add("""
            { "SchemaCode": "D9", "DisplayName": "class", "Properties": [
              { "Name": "F1", "DataType": "ShortString", "Options": ["a", "b"], "Multiple": true, "PropertyName": "Where" },
              { "Name": "F2", "DataType": "Association", "AssociationSchemaCode": "D9", "Multiple": true },
              { "Name": "D9F", "DataType": 41, "PropertyName": "Rows", "ChildSchema": { "SchemaCode": "D9F", "Properties": [
                { "Name": "F3", "DataType": "Html" }, { "Name": "F4", "DataType": 9, "DisplayName": "Rows" } ] } } ] }
            """);
        return files;
    }
}
