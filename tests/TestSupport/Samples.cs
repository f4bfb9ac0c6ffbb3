using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.TestSupport;

/// <summary>Ready-made companies and employees for tests that need some but are not about them.</summary>
public static class Samples
{
    public static WithholdingW4 SingleW4 => new("2020", "single");

    /// <summary>A us-federal payroll line: the employee and the period's gross wages.</summary>
    public static PayrollLineRequest UsLine(
        Guid employeeId, decimal? grossWages, decimal? supplementalWages = null, WithholdingPreTaxDeductions? preTaxDeductions = null,
        decimal? postTaxDeductions = null) =>
        new(employeeId) { Fields = RegimeFields.Members(new UsFederalLineRequest(grossWages, supplementalWages, preTaxDeductions, postTaxDeductions)) };

    public static async Task<CompanyDto> CompanyAsync(this PayrollApp app, string slug = "acme") =>
        (await app.SendAsync<Result<CompanyDto>>(new CreateCompany($"Company {slug}", slug, null))).Value
        ?? throw new InvalidOperationException("Could not create the sample company.");

    /// <summary>Creates a us-federal employee through the pipeline, as the API would.</summary>
    public static Task<Result<EmployeeDto>> CreateEmployeeAsync(
        this PayrollApp app, Guid companyId, string ssn, string firstName = "Ada", string lastName = "Lovelace", WithholdingW4? w4 = null,
        string payFrequency = "monthly", DateOnly? hireDate = null, DateOnly? terminationDate = null, bool exempt = false) =>
        app.SendAsync<Result<EmployeeDto>>(new CreateEmployee(companyId, firstName, lastName, hireDate ?? new DateOnly(2024, 1, 1), terminationDate)
        {
            Fields = RegimeFields.Members(new { ssn, payFrequency, exempt, w4 = w4 ?? SingleW4 }),
        });

    public static async Task<EmployeeDto> EmployeeAsync(
        this PayrollApp app, Guid companyId, string ssn, string firstName = "Ada", string lastName = "Lovelace", WithholdingW4? w4 = null,
        string payFrequency = "monthly", DateOnly? hireDate = null, DateOnly? terminationDate = null, bool exempt = false)
    {
        var result = await app.CreateEmployeeAsync(companyId, ssn, firstName, lastName, w4, payFrequency, hireDate, terminationDate, exempt);
        return result.Value ?? throw new InvalidOperationException($"Could not create the sample employee: {string.Join("; ", result.Errors)}");
    }
}
