namespace H3Yun.Sync.Tests;

/// <summary>Which database a target names, and the totals a run's report adds up.</summary>
public class SyncTargetTests
{
    [Theory]
    [InlineData("postgres://sync@db.example.com/h3yun", "PostgreSQL")]
    [InlineData("  PostgreSQL://sync@db.example.com/h3yun", "PostgreSQL")]
    [InlineData("Host=db.example.com;Database=h3yun", "PostgreSQL")]
    [InlineData("Database=h3yun; server = db.example.com", "PostgreSQL")]
    [InlineData("copy.db", "SQLite")]
    [InlineData("Data Source=copy.db;Mode=ReadWriteCreate", "SQLite")]
    [InlineData("host.db", "SQLite")]
    public void A_target_is_PostgreSQL_when_it_is_a_postgres_URL_or_names_a_host_else_a_SQLite_file(string target, string database)
    {
        Assert.Equal(database, SyncTarget.Dialect(target).Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_target_is_refused(string target)
    {
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => SyncTarget.Dialect(target)).ParamName);
    }

    [Fact]
    public void A_reports_totals_are_the_sums_over_its_forms()
    {
        var report = new SyncReport(new DateTime(2026, 5, 1), [
            new FormSyncReport("A", "a", Windows: 2, Requests: 3, RowsUpserted: 10, RowsDeleted: 1, ColumnsAdded: 0, Cursor: null, Reconciled: true),
            new FormSyncReport("B", "b", Windows: 4, Requests: 5, RowsUpserted: 20, RowsDeleted: 2, ColumnsAdded: 1, Cursor: null, Reconciled: true),
        ]);

        Assert.Equal((8, 30, 3), (report.Requests, report.RowsUpserted, report.RowsDeleted));
    }
}
