namespace PayrollPortal.Infrastructure.Persistence.Migrations;

/// <summary>A row of <c>schema_migrations</c>.</summary>
public sealed record JournalEntry(string Version, string Name, string Checksum, DateTimeOffset AppliedAt, string AppliedBy, long ExecutionMs);
