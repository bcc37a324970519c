using Microsoft.Data.Sqlite;

namespace H3Yun.Sync.Tests.Support;

/// <summary>Reads the copy back with plain SQL, as a person querying it would.</summary>
internal static class CopyReader
{
    public static List<Dictionary<string, object?>> Rows(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static long Scalar(string databasePath, string sql) => Convert.ToInt64(Rows(databasePath, sql)[0].Values.First(), System.Globalization.CultureInfo.InvariantCulture);
}
