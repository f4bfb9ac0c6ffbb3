namespace PayrollPortal.Application.Imports;

/// <summary>Every employee of a company by number and blind index, read once per import instead of once per row.</summary>
public interface IEmployeeKeys
{
    Task<IReadOnlyList<EmployeeKey>> ListAsync(Guid companyId, CancellationToken cancellationToken);
}
