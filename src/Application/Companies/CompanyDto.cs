using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Companies;

public sealed record CompanyDto(Guid Id, string Name, string Slug, string? Ein, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CompanyDto From(Company company) =>
        new(company.Id, company.Name.Value, company.Slug.Value, company.Ein?.Value, company.CreatedAt, company.UpdatedAt);
}
