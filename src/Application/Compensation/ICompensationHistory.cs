namespace PayrollPortal.Application.Compensation;

/// <summary>Employees' effective-dated compensation records (<c>employee_compensation</c>).</summary>
public interface ICompensationHistory
{
    /// <summary>The employee's records, newest effective date first.</summary>
    Task<IReadOnlyList<StoredCompensation>> ListAsync(Guid employeeId, CancellationToken cancellationToken);

    /// <summary>Each of these employees' record in effect on <paramref name="on"/> (the latest effective on or before it); absent when none is.</summary>
    Task<IReadOnlyDictionary<Guid, StoredCompensation>> InEffectAsync(IReadOnlyCollection<Guid> employeeIds, DateOnly on, CancellationToken cancellationToken);

    /// <summary>The first records of employees that have none yet (an import's hires). The default saves them one by one.</summary>
    async Task AddNewAsync(IReadOnlyList<StoredCompensation> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            await SaveAsync(record, cancellationToken);
        }
    }

    /// <summary>Adds the record, or replaces the one with the same effective date; returns the one it replaced.</summary>
    Task<StoredCompensation?> SaveAsync(StoredCompensation record, CancellationToken cancellationToken);
}
