using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Withholding;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.TestSupport;

/// <summary>Ready-made companies and employees for tests that need some but are not about them.</summary>
public static class Samples
{
    public static WithholdingW4 SingleW4 => new("2020", "single");

    public static async Task<CompanyDto> CompanyAsync(this PayrollApp app, string slug = "acme") =>
        (await app.SendAsync<Result<CompanyDto>>(new CreateCompany($"Company {slug}", slug, null))).Value
        ?? throw new InvalidOperationException("Could not create the sample company.");

    public static async Task<EmployeeDto> EmployeeAsync(
        this PayrollApp app, Guid companyId, string ssn, string firstName = "Ada", string lastName = "Lovelace", WithholdingW4? w4 = null,
        string payFrequency = "monthly", DateOnly? hireDate = null, DateOnly? terminationDate = null, bool exempt = false)
    {
        var result = await app.SendAsync<Result<EmployeeDto>>(new CreateEmployee(
            companyId, firstName, lastName, ssn, hireDate ?? new DateOnly(2024, 1, 1), terminationDate, payFrequency, exempt, w4 ?? SingleW4));
        return result.Value ?? throw new InvalidOperationException($"Could not create the sample employee: {string.Join("; ", result.Errors)}");
    }
}
