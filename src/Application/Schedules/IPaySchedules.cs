using PayrollPortal.Domain.Schedules;

namespace PayrollPortal.Application.Schedules;

/// <summary>The company's pay schedules, and which of their periods have a live (draft or approved) payroll.</summary>
public interface IPaySchedules
{
    Task<PaySchedule?> GetAsync(Guid companyId, Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<PaySchedule>> ListAsync(Guid companyId, CancellationToken cancellationToken);

    /// <summary>False when the company already has a schedule of that name.</summary>
    Task<bool> TryAddAsync(PaySchedule schedule, CancellationToken cancellationToken);

    /// <summary>The schedule's live payrolls whose period starts in [<paramref name="from"/>, <paramref name="to"/>], by period start.</summary>
    Task<IReadOnlyDictionary<DateOnly, (Guid PayrollId, string Status)>> LivePayrollsAsync(
        Guid scheduleId, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
