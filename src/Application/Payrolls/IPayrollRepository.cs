using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Application.Payrolls;

public interface IPayrollRepository
{
    Task<Payroll?> GetAsync(Guid companyId, Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// The payroll with only <paramref name="employeeId"/>'s line (no line when the employee has none), for reading one
    /// person's figures without loading a whole company's payroll. Never stored back.
    /// </summary>
    Task<Payroll?> GetWithLineOfAsync(Guid companyId, Guid id, Guid employeeId, CancellationToken cancellationToken);

    /// <summary>Inserts the payroll and its lines (lines in batched statements, not one round trip each).</summary>
    Task AddAsync(Payroll payroll, CancellationToken cancellationToken);

    /// <summary>Inserts more lines of a payroll <see cref="AddAsync"/> stored, in the same transaction (a run stores its lines a page at a time).</summary>
    Task AddLinesAsync(Payroll payroll, IReadOnlyList<PayrollLine> lines, CancellationToken cancellationToken);

    Task ReplaceLinesAsync(Payroll payroll, CancellationToken cancellationToken);

    Task UpdateStatusAsync(Payroll payroll, CancellationToken cancellationToken);

    /// <summary>Flags the company's other draft and approved payrolls of the year, paid on or after the date, that share an employee.</summary>
    Task<int> FlagForReviewAsync(Payroll changed, string reason, CancellationToken cancellationToken);
}
