using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace H3Yun.Sync.Tests.Support;

/// <summary>
/// Reads the copy back with plain SQL, as a person querying it would, from SQLite or PostgreSQL. Values come back the
/// same way from both, so that one assertion holds for each: decimals as their text with every digit, timestamps as
/// <c>yyyy-MM-dd HH:mm:ss</c>, booleans and whole numbers as longs, JSON as its text.
/// </summary>
internal static class CopyReader
{
    public static List<Dictionary<string, object?>> Rows(string target, string sql)
    {
        using var connection = Open(target);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Normal(reader.GetValue(i));
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Runs statements, as a person repairing the copy by hand would.</summary>
    public static void Execute(string target, string sql)
    {
        using var connection = Open(target);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static long Scalar(string target, string sql) => Convert.ToInt64(Rows(target, sql)[0].Values.First(), CultureInfo.InvariantCulture);

    private static DbConnection Open(string target)
    {
        DbConnection connection = target.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            ? new NpgsqlConnection(target)
            : new SqliteConnection(target.Contains('=', StringComparison.Ordinal) ? target : $"Data Source={target};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object Normal(object value) => value switch
    {
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? 1L : 0L,
        int number => (long)number,
        _ => value,
    };
}
