using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.Infrastructure.Persistence.Migrations;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Infrastructure.Tests.Migrations;

public sealed class MigrationCatalogTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void Embedded_ForEachProvider_ShouldPairEveryUpScriptWithItsDownTwin(DatabaseProvider provider)
    {
        var scripts = MigrationCatalog.Embedded(provider);

        scripts.ShouldNotBeEmpty();
        scripts.Where(s => string.IsNullOrWhiteSpace(s.DownSql)).Select(s => $"{s.ScriptName}.down.sql").ShouldBeEmpty();
    }

    [Fact]
    public void Embedded_OnBothProviders_ShouldHaveTheSameVersionsAndNames()
    {
        var sqlite = MigrationCatalog.Embedded(DatabaseProvider.Sqlite).Select(s => s.ScriptName);
        var postgres = MigrationCatalog.Embedded(DatabaseProvider.PostgreSql).Select(s => s.ScriptName);

        sqlite.ShouldBe(postgres);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void Embedded_ForEachProvider_ShouldBeNumberedWithoutGaps(DatabaseProvider provider)
    {
        var versions = MigrationCatalog.Embedded(provider).Select(s => int.Parse(s.Version, System.Globalization.CultureInfo.InvariantCulture));

        versions.ShouldBe(Enumerable.Range(1, versions.Count()));
    }

    [Fact]
    public void ComputeChecksum_WhenOnlyLineEndingsDiffer_ShouldBeEqual()
    {
        MigrationScript.ComputeChecksum("CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n")
            .ShouldBe(MigrationScript.ComputeChecksum("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n"));
        MigrationScript.ComputeChecksum("CREATE TABLE a (id int);\n").ShouldNotBe(MigrationScript.ComputeChecksum("CREATE TABLE a (id bigint);\n"));
    }

    [Theory]
    [InlineData("9901-create-probe.sql", "is not named NNNN_verb_subject.sql")]
    [InlineData("9901_Create_Probe.sql", "is not named NNNN_verb_subject.sql")]
    [InlineData("9901_create_probe.down.sql", "has no up script 9901_create_probe.sql")]
    public void FromDirectory_WhenAFileBreaksTheNamingRules_ShouldNameIt(string fileName, string expected)
    {
        var folder = ScriptsFolder.Create((fileName, "SELECT 1;"));

        var error = Should.Throw<MigrationException>(() => MigrationCatalog.FromDirectory(folder, DatabaseProvider.Sqlite));

        error.Failure.ShouldBe(MigrationFailure.Configuration);
        error.Message.ShouldContain(fileName);
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void For_WhenTheExtraFolderReusesAnEmbeddedVersion_ShouldRefuse()
    {
        var folder = ScriptsFolder.Create(("0001_create_clash.sql", "SELECT 1;"), ("0001_create_clash.down.sql", "SELECT 1;"));

        var error = Should.Throw<MigrationException>(() => MigrationCatalog.For(DatabaseProvider.PostgreSql, folder));

        error.Message.ShouldContain("migration version 0001 is used by more than one script");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public void FromDirectory_WhenAProviderSubfolderExists_ShouldReadThatProvidersScripts(DatabaseProvider provider)
    {
        var folder = ScriptsFolder.Create();
        foreach (var name in new[] { "sqlite", "postgres" })
        {
            Directory.CreateDirectory(Path.Combine(folder, name));
            File.WriteAllText(Path.Combine(folder, name, $"9901_create_{name}_only.sql"), "SELECT 1;");
        }

        var scripts = MigrationCatalog.FromDirectory(folder, provider);

        scripts.ShouldHaveSingleItem().Name.ShouldBe($"create_{MigrationCatalog.FolderName(provider)}_only");
    }
}
