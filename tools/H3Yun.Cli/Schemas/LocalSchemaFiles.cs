using System.Text.Json;
using System.Text.Json.Nodes;

namespace H3Yun.Cli.Schemas;

/// <summary>A schema file of the project, read liberally as the generator reads it (comments, trailing commas, any member case).</summary>
internal sealed record LocalSchemaFile(string Path, string Text, JsonObject Root, string SchemaCode)
{
    /// <summary>Whether the file has comments, which a rewrite cannot keep.</summary>
    public bool HasComments
    {
        get
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(Text), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow, AllowTrailingCommas = true });
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.Comment)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>The <c>*.h3form.json</c> files under a folder (not under bin or obj), by SchemaCode.</summary>
internal static class LocalSchemaFiles
{
    public const string Suffix = ".h3form.json";

    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Every schema file under the folder, in path order; a folder that does not exist has none.</summary>
    public static IReadOnlyList<string> Find(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var files = Directory.EnumerateFiles(folder, "*" + Suffix, SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>
    /// Reads every schema file under the folder. A file that cannot be read, or two files of one form, stop the
    /// command: merging into the wrong file, or beside a broken one, would lose the user's work.
    /// </summary>
    public static IReadOnlyDictionary<string, LocalSchemaFile> Read(string folder, CliConsole console)
    {
        var byCode = new Dictionary<string, LocalSchemaFile>(StringComparer.Ordinal);
        foreach (var path in Find(folder))
        {
            var file = ReadOne(path, console);
            if (byCode.TryGetValue(file.SchemaCode, out var first))
            {
                throw new CliException($"{console.Show(path)} and {console.Show(first.Path)} both declare form {file.SchemaCode} (H3Y0008); keep one file per form first.");
            }

            byCode.Add(file.SchemaCode, file);
        }

        return byCode;
    }

    private static LocalSchemaFile ReadOne(string path, CliConsole console)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Could not read {console.Show(path)}: {ex.Message}", ex);
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: Lenient);
        }
        catch (JsonException ex)
        {
            throw new CliException($"{console.Show(path)} is not valid JSON ({ex.Message}); fix it first ('h3yun schema check' shows where), since h3yun cannot tell which form it is.", ex);
        }

        var code = root is JsonObject form
            && form.FirstOrDefault(member => string.Equals(member.Key, "SchemaCode", StringComparison.OrdinalIgnoreCase)).Value is JsonValue value
            && value.TryGetValue<string>(out var schemaCode) && schemaCode.Trim().Length > 0
                ? schemaCode.Trim()
                : throw new CliException($"{console.Show(path)} has no SchemaCode; fix it first ('h3yun schema check' shows where), since h3yun cannot tell which form it is.");
        return new LocalSchemaFile(path, text, (JsonObject)root, code);
    }
}
