using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Infrastructure.Tests.Persistence;

public sealed class DatabaseSettingsTests
{
    [Fact]
    public void Parse_WhenUnset_ShouldUseSqliteUnderData()
    {
        var settings = DatabaseSettings.Parse(null, "/srv/app");

        settings.Provider.ShouldBe(DatabaseProvider.Sqlite);
        settings.SqlitePath.ShouldBe("/srv/app/data/app.db");
    }

    [Theory]
    [InlineData("sqlite:///./data/app.db", "/srv/app/data/app.db")]
    [InlineData("sqlite:///relative/x.db", "/srv/app/relative/x.db")]
    [InlineData("sqlite:////var/lib/payroll/app.db", "/var/lib/payroll/app.db")]
    public void Parse_WhenSqliteUrl_ShouldResolveRelativeAndAbsolutePaths(string url, string path) =>
        DatabaseSettings.Parse(url, "/srv/app").SqlitePath.ShouldBe(path);

    [Theory]
    [InlineData("postgresql://payroll:s3cr%40t@db.internal:6543/payroll?sslmode=require")]
    [InlineData("postgres://payroll:s3cr%40t@db.internal:6543/payroll?sslmode=require")]
    public void Parse_WhenPostgresUrl_ShouldMapHostPortDatabaseCredentialsAndOptions(string url)
    {
        var settings = DatabaseSettings.Parse(url);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString);

        settings.Provider.ShouldBe(DatabaseProvider.PostgreSql);
        builder.Host.ShouldBe("db.internal");
        builder.Port.ShouldBe(6543);
        builder.Database.ShouldBe("payroll");
        builder.Username.ShouldBe("payroll");
        builder.Password.ShouldBe("s3cr@t");
        builder.SslMode.ShouldBe(Npgsql.SslMode.Require);
        settings.ToString().ShouldNotContain("s3cr");
    }

    [Theory]
    [InlineData("postgresql://payroll@db.internal/payroll", 128)]
    [InlineData("postgresql://payroll@db.internal/payroll?Max%20Auto%20Prepare=0", 0)]
    [InlineData("postgresql://payroll@db.internal/payroll?sslmode=disable&Max%20Auto%20Prepare=20", 20)]
    public void Parse_WhenPostgresUrl_ShouldPrepareRepeatedStatementsUnlessTheUrlSaysOtherwise(string url, int maxAutoPrepare) =>
        new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSettings.Parse(url).ConnectionString).MaxAutoPrepare.ShouldBe(maxAutoPrepare);

    [Theory]
    [InlineData("mysql://root@localhost/db", "unknown scheme 'mysql'")]
    [InlineData("just-a-path.db", "malformed")]
    [InlineData("sqlite://host/app.db", "no host")]
    [InlineData("sqlite:///", "names no database file")]
    [InlineData("postgresql://user:hunter2@/db", "malformed")]
    [InlineData("postgresql://user:hunter2@localhost:5432/", "must name one database")]
    [InlineData("postgresql://user:hunter2@localhost:5432/db?sslmode=sideways", "option 'sslmode'")]
    public void Parse_WhenMalformed_ShouldFailWithOneLineNamingTheProblemAndNoPassword(string url, string expected)
    {
        var error = Should.Throw<DatabaseUrlException>(() => DatabaseSettings.Parse(url));

        error.Message.ShouldContain(expected);
        error.Message.ShouldNotContain("hunter2");
        error.Message.ShouldNotContain('\n');
    }
}
