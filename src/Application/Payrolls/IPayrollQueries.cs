using PayrollPortal.Application.Common.Paging;

namespace PayrollPortal.Application.Payrolls;

public interface IPayrollQueries
{
    /// <summary>Payrolls ordered by (created_at, id), filtered by the pay date's year and month and by status.</summary>
    /// <remarks>The totals are the core sums and the sums the <paramref name="regime"/>'s storage adds, in minor units.</remarks>
    Task<IReadOnlyList<PayrollSummaryRow>> ListAsync(
        Guid companyId, string regime, int? year, int? month, string? status, KeysetCursor? after, int take, CancellationToken cancellationToken);

    /// <summary>Distinct employees paid by approved payrolls in the given months.</summary>
    Task<int> EmployeesPaidAsync(Guid companyId, int year, IReadOnlyList<int> months, CancellationToken cancellationToken);

    /// <summary>The latest pay date of the company's approved payrolls, if it has any.</summary>
    Task<DateOnly?> LatestApprovedPayDateAsync(Guid companyId, CancellationToken cancellationToken);
}
