using PayrollPortal.Domain.Employees;
using PayrollPortal.Application.Common.Paging;

namespace PayrollPortal.Application.Employees;

public interface IEmployeeQueries
{
    /// <summary>Employees of a company ordered by (created_at, id), optionally filtered by a case-insensitive name fragment.</summary>
    Task<IReadOnlyList<Employee>> ListAsync(Guid companyId, string? nameContains, KeysetCursor? after, int take, CancellationToken cancellationToken);
}
