using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using Shouldly;

namespace PayrollPortal.TestSupport;

/// <summary>A kr company, its employees and a payroll: as request bodies and through the API, or as messages through the pipeline.</summary>
public static class KoreaSamples
{
    public const string Rrn = "900101-1234567";

    public static async Task<Guid> CreateKoreaCompanyAsync(HttpClient client, string slug = "seoul-trading")
    {
        var response = await client.PostAsJsonAsync("/api/companies", new { name = "서울상사", slug, regime = "kr" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static object KoreaEmployee(string rrn = Rrn, int dependents = 2, int children = 1, int ratio = 100) => new
    {
        firstName = "민준",
        lastName = "김",
        residentRegistrationNumber = rrn,
        hireDate = "2026-01-02",
        kr = new { dependents, childrenAged8To20 = children, withholdingRatio = ratio, nonTaxable = new { meals = 200_000, carAllowance = 0, childcare = 0 } },
    };

    /// <summary>A kr company with two employees, Kim and Lee, hired through the API.</summary>
    public static async Task<(HttpClient Client, Guid CompanyId, Guid Kim, Guid Lee)> SetUpKoreaPayrollAsync(PayrollApp app)
    {
        var client = app.CreateClient();
        var companyId = await CreateKoreaCompanyAsync(client);
        async Task<Guid> HireAsync(object employee)
        {
            var response = await client.PostAsJsonAsync($"/api/companies/{companyId}/employees", employee);
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        var kim = await HireAsync(KoreaEmployee("900101-1234567", dependents: 1, children: 0));
        var lee = await HireAsync(KoreaEmployee("850505-2345678", dependents: 4, children: 2, ratio: 120));
        return (client, companyId, kim, lee);
    }

    /// <summary>A monthly payroll for Kim and Lee whose figures the kr tests know by heart.</summary>
    public static object KoreaPayroll(Guid kim, Guid lee, string payDate = "2026-10-25") => new
    {
        periodStart = payDate[..8] + "01",
        periodEnd = payDate[..8] + "28",
        payDate,
        payFrequency = "monthly",
        lines = new object[]
        {
            // 3,800,000 + 200,000 taxable allowances = 4,000,000 taxable; meals 200,000 from the profile are non-taxable.
            new { employeeId = kim, basePay = 3_800_000, taxableAllowances = 200_000 },
            // 4,500,000 + bonus 500,000 = 5,000,000 taxable; meals 250,000 entered on the line: 50,000 over the limit is taxable.
            new { employeeId = lee, basePay = 4_500_000, bonus = 500_000, nonTaxable = new { meals = 250_000 } },
        },
    };

    /// <summary>The same company and employees as <see cref="SetUpKoreaPayrollAsync"/>, through the pipeline.</summary>
    public static async Task<(Guid CompanyId, Guid Kim, Guid Lee)> SetUpKoreaCompanyAsync(this PayrollApp app)
    {
        var company = (await app.SendAsync<Result<CompanyDto>>(new CreateCompany("서울상사", "seoul-trading", null, "kr"))).Value!;
        async Task<Guid> HireAsync(string rrn, int dependents, int children, int ratio)
        {
            var hired = await app.SendAsync<Result<EmployeeDto>>(new CreateEmployee(company.Id, "민준", "김", new DateOnly(2026, 1, 2), null)
            {
                Fields = RegimeFields.Members(new
                {
                    residentRegistrationNumber = rrn,
                    kr = new { dependents, childrenAged8To20 = children, withholdingRatio = ratio, nonTaxable = new { meals = 200_000, carAllowance = 0, childcare = 0 } },
                }),
            });
            return hired.Value?.Id ?? throw new InvalidOperationException($"Could not hire: {string.Join("; ", hired.Errors)}");
        }

        return (company.Id, await HireAsync("900101-1234567", 1, 0, 100), await HireAsync("850505-2345678", 4, 2, 120));
    }

    /// <summary>A kr line through the pipeline: the employee and the regime's members as a client would post them.</summary>
    public static PayrollLineRequest KoreaLine(Guid employeeId, object members) => new(employeeId) { Fields = RegimeFields.Members(members) };
}
