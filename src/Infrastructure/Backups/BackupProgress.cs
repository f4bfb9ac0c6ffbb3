namespace PayrollPortal.Infrastructure.Backups;

/// <summary>How far a long run is: <paramref name="Done"/> of <paramref name="Total"/> (null when unknown) in <paramref name="Unit"/>.</summary>
public sealed record BackupProgress(string Phase, long Done, long? Total, string Unit);
