namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>
/// One line of <c>migrate status</c>. <see cref="Checksum"/> is the journal's for an applied or unknown migration and the
/// script's for a pending one; <see cref="ChecksumMatches"/> is null when there is nothing to compare. <see cref="Class"/> is
/// the build's classification, or the journal's for an unknown migration; null when neither says.
/// </summary>
public sealed record MigrationStatusRow(
    string Version, string Name, MigrationState State, DateTimeOffset? AppliedAt, string Checksum, bool? ChecksumMatches, bool HasDownScript,
    MigrationClass? Class = null);
