namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>A row of <c>schema_migrations</c>; <see cref="Class"/> is null for rows journaled before 0019 added the column.</summary>
public sealed record JournalEntry(
    string Version, string Name, string Checksum, DateTimeOffset AppliedAt, string AppliedBy, long ExecutionMs, MigrationClass? Class = null);
