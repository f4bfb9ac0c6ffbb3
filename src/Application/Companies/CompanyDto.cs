using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Companies;

/// <summary>
/// A company; <see cref="Regime"/> and <see cref="Currency"/> tell a client which columns and amount format its payrolls have.
/// <see cref="RegistrationNumber"/> is the Korean business registration number, <see cref="Address"/> what payslips print.
/// </summary>
public sealed record CompanyDto(
    Guid Id, string Name, string Slug, string? Ein, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Regime = Company.DefaultRegime, string Currency = "USD",
    string? RegistrationNumber = null, CompanyAddressDto? Address = null)
{
    public static CompanyDto From(Company company) =>
        new(company.Id, company.Name.Value, company.Slug.Value, company.Ein?.Value, company.CreatedAt, company.UpdatedAt, company.Regime, company.Currency.Code,
            company.RegistrationNumber?.Value, CompanyAddressDto.From(company.Address));
}
