namespace PayrollPortal.Application.Compensation;

/// <summary>Employees' effective-dated compensation records (<c>employee_compensation</c>).</summary>
public interface ICompensationHistory
{
    /// <summary>The employee's records, newest effective date first.</summary>
    Task<IReadOnlyList<StoredCompensation>> ListAsync(Guid employeeId, CancellationToken cancellationToken);

    /// <summary>Each employee of the schedule's record in effect on <paramref name="on"/> (the latest effective on or before it).</summary>
    Task<IReadOnlyDictionary<Guid, StoredCompensation>> InEffectAsync(Guid companyId, Guid scheduleId, DateOnly on, CancellationToken cancellationToken);

    /// <summary>Adds the record, or replaces the one with the same effective date; returns the one it replaced.</summary>
    Task<StoredCompensation?> SaveAsync(StoredCompensation record, CancellationToken cancellationToken);
}
