using H3Yun.Sync.Storage;

namespace H3Yun.Sync.Tests;

/// <summary>Which database a target names, and the totals a run's report adds up.</summary>
public class SyncTargetTests
{
    // The expected databases are flags, not names: the mutation runs leave out every test whose display name says
    // PostgreSQL (those start a server), and these start none.
    [Theory]
    [InlineData("postgres://sync@db.example.com/h3yun", true)]
    [InlineData("Host=db.example.com;Database=h3yun", true)]
    [InlineData("Database=h3yun; server = db.example.com", true)]
    [InlineData("copy.db", false)]
    [InlineData("Data Source=copy.db;Mode=ReadWriteCreate", false)]
    [InlineData("host.db", false)]
    [InlineData("Data Source=postgres.db", false)]
    public void A_target_is_a_server_when_it_is_a_postgres_URL_or_names_a_host_else_a_SQLite_file(string target, bool server)
    {
        Assert.Equal(server ? "PostgreSQL" : "SQLite", SyncTarget.Dialect(target).Name);
    }

    [Fact]
    public void Either_Postgres_URL_scheme_in_any_case_names_a_server()
    {
        Assert.Equal("PostgreSQL", SyncTarget.Dialect("postgresql://sync@db.example.com/h3yun").Name);
        Assert.Equal("PostgreSQL", SyncTarget.Dialect("  PostgreSQL://sync@db.example.com/h3yun").Name);
        Assert.Equal("PostgreSQL", SyncTarget.Dialect("POSTGRES://sync@db.example.com/h3yun").Name);
    }

    [Fact]
    public void A_server_URL_without_a_port_means_5432_and_each_column_kind_has_its_server_type()
    {
        var dialect = SyncTarget.Dialect("postgresql://sync:pw@db.example.com/h3yun");

        Assert.Equal("db.example.com:5432/h3yun", dialect.Target);
        Assert.Equal("db.example.com:6543/h3yun", SyncTarget.Dialect("postgresql://sync:pw@db.example.com:6543/h3yun").Target);
        Assert.Equal(
            ["bigint", "numeric", "boolean", "timestamp without time zone", "jsonb", "text"],
            new[] { ColumnKind.Integer, ColumnKind.Decimal, ColumnKind.Boolean, ColumnKind.Timestamp, ColumnKind.Json, ColumnKind.Text }.Select(dialect.TypeOf));
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
