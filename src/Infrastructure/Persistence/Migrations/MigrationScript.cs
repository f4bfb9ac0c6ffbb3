using System.Security.Cryptography;
using System.Text;

namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>
/// One migration step: <c>NNNN_verb_subject.sql</c> and, beside it, <c>NNNN_verb_subject.down.sql</c>, with its class from
/// <c>migration-classes.txt</c> (null when that file has no line for it).
/// </summary>
public sealed record MigrationScript(string Version, string Name, string UpSql, string? DownSql, MigrationClass? Class = null)
{
    /// <summary>An unclassified migration is handled as a contract: refusing wrongly is safer than breaking a running release.</summary>
    public MigrationClass EffectiveClass => Class ?? MigrationClass.Contract;

    /// <summary>The name DbUp journals and compares: <c>NNNN_verb_subject</c>.</summary>
    public string ScriptName => $"{Version}_{Name}";

    public string Checksum => ComputeChecksum(UpSql);

    /// <summary>SHA-256 of the script with line endings normalised to \n, lowercase hex, so a checkout on Windows does not drift.</summary>
    public static string ComputeChecksum(string sql)
    {
        var normalized = sql.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}
