namespace PayrollPortal.Infrastructure.Tests.Migrations;

/// <summary>Extra migration folders for <c>--scripts</c>: the shipped rollback rehearsal (db/rehearsal) or a test's own scripts.</summary>
internal static class ScriptsFolder
{
    public const string ProbeTable = "rehearsal_probe";

    /// <summary>db/rehearsal as copied beside the test assembly: 9901 creates <see cref="ProbeTable"/>, 9902 seeds one row.</summary>
    public static string Rehearsal => Path.Combine(AppContext.BaseDirectory, "rehearsal");

    public static IReadOnlyList<string> RehearsalVersions { get; } = ["9901", "9902"];

    /// <summary>A fresh temporary folder holding the given files.</summary>
    public static string Create(params (string FileName, string Sql)[] files)
    {
        var directory = Path.Combine(Path.GetTempPath(), "payroll-tests", "scripts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        foreach (var (fileName, sql) in files)
        {
            File.WriteAllText(Path.Combine(directory, fileName), sql);
        }

        return directory;
    }

    /// <summary>A writable copy of the rehearsal folder, for tests that edit a script after applying it.</summary>
    public static string CopyOfRehearsal() =>
        Create([.. Directory.EnumerateFiles(Rehearsal, "*.sql").Select(f => (Path.GetFileName(f), File.ReadAllText(f)))]);
}
