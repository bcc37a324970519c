namespace H3Yun.Sync.Schema;

/// <summary>
/// Reads the project's <c>*.h3form.json</c> files into what the copy needs, with the reader every run-time library
/// shares (protocol/SchemaFiles: the generator's rules, trim- and AOT-safe), its problems as <see cref="H3YunSyncException"/>.
/// </summary>
internal static class SyncSchemaFiles
{
    /// <summary>Reads every <c>*.h3form.json</c> file of a folder and its subfolders.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The forms, by SchemaCode.</returns>
    /// <exception cref="H3YunSyncException">The folder is missing, or a file does not read as a schema.</exception>
    public static IReadOnlyList<SyncForm> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new H3YunSyncException($"The schema folder '{Path.GetFullPath(folder)}' does not exist. Pull the forms' schemas with 'h3yun schema pull', or name the folder.");
        }

        try
        {
            return [.. Protocol.SchemaFileReader.ReadFolder(folder).Select(ToSync)];
        }
        catch (SchemaFileException ex)
        {
            throw new H3YunSyncException(ex.Message, ex);
        }
    }

    private static SyncForm ToSync(SchemaFileForm form) => new(
        form.SchemaCode,
        form.DisplayName,
        form.ClassName,
        [.. form.Fields.Select(ToSync)],
        [.. form.Children.Select(static child => new SyncChild(ToSync(child.Field), ToSync(child.Form)))],
        form.SourceJson);

    private static SyncField ToSync(SchemaFileField field) =>
        new(field.Code, field.DisplayName, field.PropertyName, field.DataType, field.Multiple);
}
