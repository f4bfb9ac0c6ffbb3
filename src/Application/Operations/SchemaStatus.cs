namespace PayrollPortal.Application.Operations;

/// <summary>
/// How the database schema compares with the migrations this build carries. <see cref="Problems"/> holds one precise line per
/// problem (pending, drifted, unknown or missing down script); empty means the schema is at head with no drift.
/// </summary>
public sealed record SchemaStatus(string? CurrentVersion, string? HeadVersion, IReadOnlyList<string> Problems)
{
    public bool IsAtHead => Problems.Count == 0;
}
