using PayrollPortal.Application.Common.Paging;

namespace PayrollPortal.Application.Companies;

/// <summary>The read side of companies: projects rows straight into DTOs.</summary>
public interface ICompanyQueries
{
    Task<CompanyDto?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Companies ordered by (created_at, id), starting after <paramref name="after"/>; returns up to <paramref name="take"/> rows,
    /// only those in <paramref name="only"/> when it is given.
    /// </summary>
    Task<IReadOnlyList<CompanyDto>> ListAsync(KeysetCursor? after, int take, IReadOnlyCollection<Guid>? only, CancellationToken cancellationToken);
}
