namespace PayrollPortal.Application.Identity;

/// <summary>
/// A message that concerns one company or, when <see cref="CompanyId"/> is null, all of them (the audit trail, a global
/// token): null is for the global administrator only.
/// </summary>
public interface IOptionallyCompanyScoped
{
    Guid? CompanyId { get; }
}
