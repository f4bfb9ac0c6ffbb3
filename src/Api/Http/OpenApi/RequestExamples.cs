using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PayrollPortal.Api.Http.OpenApi;

/// <summary>
/// An example for every request body, so the API reference shows a body a client can send as it is. Keyed by the request
/// type's name; <c>RequestExamplesTests</c> fails when a body in the document has none.
/// </summary>
internal sealed class RequestExamples : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["LoginRequest"] = """{"email":"clerk@example.com","password":"a long passphrase of your own"}""",
        ["ChangePasswordRequest"] = """{"currentPassword":"the old passphrase","newPassword":"a new and longer passphrase","revokeTokens":false}""",
        ["CreateTokenRequest"] = """{"name":"nightly export","companyId":"0191d3c4-5a6b-7c8d-9e0f-112233445566","role":"viewer","expiresAt":"2027-01-31T00:00:00Z"}""",
        ["CreateCompanyRequest"] = """{"name":"Acme Payroll Co","slug":"acme","ein":"12-3456789","regime":"us-federal"}""",
        ["UpdateCompanyRequest"] = """
            {"name":"Acme Payroll Company",
             "address":{"line1":"100 Main Street","line2":"Suite 200","city":"Springfield","region":"IL","postalCode":"62701","country":"US"}}
            """,
        ["CreateCompanyUserRequest"] = """{"email":"clerk@example.com","role":"payroll_manager"}""",
        ["ChangeMemberRoleRequest"] = """{"role":"company_admin"}""",
        ["CreateEmployeeRequest"] = """
            {"firstName":"Ada","lastName":"Lovelace","ssn":"123-45-6789","hireDate":"2026-01-05","payFrequency":"biweekly",
             "w4":{"version":"2020","filingStatus":"single","step2Checkbox":false,"step3Dependents":0,"step4aOtherIncome":0,"step4bDeductions":0,"step4cExtraWithholding":0}}
            """,
        ["UpdateEmployeeRequest"] = """{"lastName":"King","w4":{"version":"2020","filingStatus":"married_filing_jointly"},"w4EffectiveDate":"2026-07-01"}""",
        ["CreatePayrollRequest"] = """
            {"periodStart":"2026-03-01","periodEnd":"2026-03-14","payDate":"2026-03-20","payFrequency":"biweekly",
             "lines":[{"employeeId":"0191d3c4-5a6b-7c8d-9e0f-112233445566","grossWages":3000.00,"supplementalWages":0,
                       "preTaxDeductions":{"retirement":150.00,"cafeteria":0,"hsa":25.00},"postTaxDeductions":0}]}
            """,
        ["PreviewPayrollRequest"] = """
            {"periodStart":"2026-03-01","payDate":"2026-03-20","payFrequency":"biweekly",
             "lines":[{"employeeId":"0191d3c4-5a6b-7c8d-9e0f-112233445566","grossWages":3000.00}]}
            """,
        ["ReplaceLinesRequest"] = """{"lines":[{"employeeId":"0191d3c4-5a6b-7c8d-9e0f-112233445566","grossWages":3100.00}]}""",
        ["VoidRequest"] = """{"reason":"Paid to the wrong account; reissued on 2026-03-23"}""",
        ["ReplaceHolidaysRequest"] = """{"holidays":[{"date":"2026-12-25","name":"Christmas Day"},{"date":"2027-01-01","name":"New Year's Day"}]}""",
        ["CreatePayScheduleRequest"] = """{"name":"Biweekly","frequency":"biweekly","firstPeriodStart":"2026-01-04","payDateOffsetDays":5}""",
        ["StartRunRequest"] = """{"periodStart":"2026-01-04","hours":[{"employeeId":"0191d3c4-5a6b-7c8d-9e0f-112233445566","regularHours":80,"overtimeHours":4.5}]}""",
        ["OpeningBalanceRequest"] = """
            {"employeeNumber":"E-1001","taxYear":2026,"asOf":"2026-05-31","period":"2026-05",
             "wages":6500.00,"socialSecurityWages":6500.00,"medicareWages":6500.00,"federalIncomeTax":900.00,"socialSecurity":403.00,
             "medicare":94.25,"additionalMedicare":0,"supplementalWages":0}
            """,
        ["AddCompensationRequest"] = """{"effectiveFrom":"2026-01-01","payType":"salary","annualSalary":78000.00,"retirementPercent":5}""",
        ["CreateOffCycleRequest"] = """
            {"periodStart":"2026-12-01","periodEnd":"2026-12-15","payDate":"2026-12-18","payFrequency":"semimonthly","reason":"Year-end bonus",
             "lines":[{"employeeId":"0191d3c4-5a6b-7c8d-9e0f-112233445566","grossWages":0,"supplementalWages":1000.00}]}
            """,
        ["ReopenRequest"] = """{"reason":"A bonus was paid to the wrong employee"}""",
        ["CalculateWithholdingRequest"] = """
            {"regime":"us-federal","taxYear":2026,"payFrequency":"biweekly","grossWages":3000.00,
             "w4":{"version":"2020","filingStatus":"single"}}
            """,
        ["IssueExportRequest"] = """{"scope":{"year":2026,"month":3},"format":"csv","expiresInMinutes":15}""",
        ["CreateBusinessIncomePayeeRequest"] = """{"name":"김하늘","residentRegistrationNumber":"900101-1234567","residentType":"resident","businessTypeCode":"940909"}""",
        ["CreateBusinessIncomeSheetRequest"] = """
            {"payDate":"2026-03-10","lines":[{"payeeId":"0191d3c4-5a6b-7c8d-9e0f-112233445566","amount":1234567}]}
            """,
        ["VoidBusinessIncomeSheetRequest"] = """{"reason":"Paid twice; the second transfer was returned on 2026-03-12"}""",
    };

    /// <summary>The request types that have an example (for the test that checks every body has one).</summary>
    public static IReadOnlyCollection<string> Types => Examples.Keys;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (Examples.TryGetValue(context.JsonTypeInfo.Type.Name, out var example))
        {
            schema.Examples = [JsonNode.Parse(example)!];
        }

        return Task.CompletedTask;
    }
}
