using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace H3Yun.Generators.Tests;

/// <summary>
/// The fuzz corpus: the repository's schema files and mutations of them, deterministic for a seed. Half the
/// variants change the JSON tree and stay JSON; the other half change the text and mostly break it. The fuzz test
/// runs them through the generator, the conformance test through the generator's parser and the emulator's loader.
/// </summary>
internal static class SchemaFuzzCorpus
{
    public const int Seed = 20240501;
    /// <summary>
    /// How many variants: 2,000, or H3YUN_SCHEMA_FUZZ_VARIANTS where a shorter run is wanted (mutation testing runs
    /// 200 for each mutant; .ci/run clears it, so that CI always runs the full size).
    /// </summary>
    public static int Count { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("H3YUN_SCHEMA_FUZZ_VARIANTS"), System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 2000;

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", " ", "\n", "//x\n", "/*", "null", "true", "0", "-1", "14", "41", "7", "1e400",
        "\"\"", "{}", "[]", "\"Name\"", "\"DataType\"", "\"Properties\"", "\"SchemaCode\"", "\"ChildSchema\"", "\"Options\"",
        "[\"a\", \"a\"]", "\"PropertyName\"", "\"ClassName\"", "\"DisplayName\"", "\"Multiple\"", "\"AssociationSchemaCode\"",
        "\"class\"", "\"1abc\"", "\"名称\"", "\"F0000001\"", "\"BizObjectArray\"", "\"Association\"", "\"Html\"", "\"a b-c\"",
        "\"ObjectId\"", "\"Where\"", "\"FormInfo\"", "\"Fields\"", "\"\\u0000\"", "\"\\\"\"", "\"<x&y>\"",
    ];

    private static readonly string[] DataTypes =
    [
        "ShortString", "String", "Double", "Int", "Long", "DateTime", "Bool", "Unit", "UnitArray", "Association", "BizObjectArray",
        "Image", "Html", "TimeSpan", "Colour", "14", "41", "7", "99", "-3", "shortstring",
    ];

    /// <summary>The <see cref="Count"/> variants of the seed, in order.</summary>
    public static IEnumerable<string> Variants()
    {
        var seeds = SeedSchemas();
        var random = new Random(Seed);
        for (var i = 0; i < Count; i++)
        {
            yield return Mutate(seeds[random.Next(seeds.Count)], random);
        }
    }

    /// <summary>Every schema file the repository has: the examples and the tests' forms.</summary>
    public static IEnumerable<(string Name, string Text)> RepositoryFiles() =>
        new[] { "Schemas", "FuzzSeeds" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, folder), "*.h3form.json"))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)));

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
        var files = RepositoryFiles()
            .Select(static file => file.Text)
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
