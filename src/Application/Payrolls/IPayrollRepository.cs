using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Application.Payrolls;

public interface IPayrollRepository
{
    Task<Payroll?> GetAsync(Guid companyId, Guid id, CancellationToken cancellationToken);

    /// <summary>Inserts the payroll and its lines (lines in batched statements, not one round trip each).</summary>
    Task AddAsync(Payroll payroll, CancellationToken cancellationToken);

    Task ReplaceLinesAsync(Payroll payroll, CancellationToken cancellationToken);

    Task UpdateStatusAsync(Payroll payroll, CancellationToken cancellationToken);

    /// <summary>
    /// Year-to-date wages per employee from approved payrolls of the company in <paramref name="taxYear"/> paid on or before
    /// <paramref name="payDate"/> (an approved payroll on the same day was approved first), excluding <paramref name="excludePayrollId"/>.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, YearToDate>> GetYearToDateAsync(
        Guid companyId, int taxYear, DateOnly payDate, IReadOnlyCollection<Guid> employeeIds, Guid excludePayrollId, CancellationToken cancellationToken);

    /// <summary>Flags the company's other draft and approved payrolls of the year, paid on or after the date, that share an employee.</summary>
    Task<int> FlagForReviewAsync(Payroll changed, string reason, CancellationToken cancellationToken);
}
