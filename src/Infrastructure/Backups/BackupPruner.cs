namespace PayrollPortal.Infrastructure.Backups;

/// <summary>
/// <c>payroll backup prune</c>: keeps the newest <c>--keep-last</c> backups and every backup younger than <c>--keep-days</c>
/// (either rule keeps a backup), deletes the other backups with their manifests, and never touches a file whose name is not a
/// backup's.
/// </summary>
public static class BackupPruner
{
    public sealed record Decision(string File, DateTimeOffset TakenAt, bool Keep, string Reason);

    public static IReadOnlyList<Decision> Plan(string directory, int? keepLast, int? keepDays, DateTimeOffset now)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var backups = Directory.EnumerateFiles(directory)
            .Select(f => (File: f, TakenAt: BackupFiles.TakenAt(f)))
            .Where(b => b.TakenAt is not null)
            .OrderByDescending(b => b.TakenAt)
            .ToList();
        var decisions = new List<Decision>(backups.Count);
        for (var i = 0; i < backups.Count; i++)
        {
            var (file, takenAt) = backups[i];
            var age = now - takenAt!.Value;
            var reason = i < keepLast ? $"one of the newest {keepLast}"
                : keepDays is { } days && age < TimeSpan.FromDays(days) ? $"younger than {days} day(s)"
                : null;
            decisions.Add(new Decision(file, takenAt.Value, reason is not null, reason ?? $"{age.TotalDays:0.#} day(s) old, not among the newest {keepLast ?? 0}"));
        }

        return decisions;
    }

    public static void Delete(Decision decision)
    {
        File.Delete(decision.File);
        File.Delete(BackupManifest.PathFor(decision.File));
    }
}
