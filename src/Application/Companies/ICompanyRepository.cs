using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Companies;

/// <summary>The write side of companies; runs inside the command's transaction.</summary>
public interface ICompanyRepository
{
    Task<Company?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Inserts the company; false when its slug is already taken (decided by the unique index, so it holds under races).</summary>
    Task<bool> TryAddAsync(Company company, CancellationToken cancellationToken);

    Task UpdateAsync(Company company, CancellationToken cancellationToken);
}
