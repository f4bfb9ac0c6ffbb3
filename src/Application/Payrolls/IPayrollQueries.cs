using PayrollPortal.Application.Common.Paging;

namespace PayrollPortal.Application.Payrolls;

public interface IPayrollQueries
{
    /// <summary>Payrolls ordered by (created_at, id), filtered by the pay date's year and month and by status.</summary>
    Task<IReadOnlyList<PayrollSummaryDto>> ListAsync(
        Guid companyId, int? year, int? month, string? status, KeysetCursor? after, int take, CancellationToken cancellationToken);

    /// <summary>Per-month sums of approved payroll lines paid in the given months of the year.</summary>
    Task<IReadOnlyList<WithholdingMonthDto>> WithholdingByMonthAsync(Guid companyId, int year, IReadOnlyList<int> months, CancellationToken cancellationToken);

    /// <summary>Per-month sums of a kr company's approved payroll lines: pay and the six deductions, whole KRW.</summary>
    Task<IReadOnlyList<Withholding.Korea.KoreaWithholdingMonthDto>> KoreaWithholdingByMonthAsync(
        Guid companyId, int year, IReadOnlyList<int> months, CancellationToken cancellationToken);

    /// <summary>Distinct employees paid by approved payrolls in the given months.</summary>
    Task<int> EmployeesPaidAsync(Guid companyId, int year, IReadOnlyList<int> months, CancellationToken cancellationToken);
}
