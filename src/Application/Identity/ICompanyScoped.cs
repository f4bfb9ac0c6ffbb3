namespace PayrollPortal.Application.Identity;

/// <summary>A message that touches one company's data; authorization checks the caller's role in it.</summary>
public interface ICompanyScoped
{
    Guid CompanyId { get; }
}
