using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Exports;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Exports;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Exports;

/// <summary>
/// A company with approved payrolls in January and February 2026 and a draft in March: six employees, four of whom have
/// names a spreadsheet would run as formulas.
/// </summary>
internal sealed record ExportScenario(Guid CompanyId, Guid OtherCompanyId, Guid January, Guid February, Guid DraftMarch, Guid OtherPayroll)
{
    public static readonly string[] HostileFirstNames = ["=HYPERLINK(\"http://evil.example\",\"pay\")", "+1", "-2", "@x"];

    /// <summary>The app with a signing key, so links are signed.</summary>
    public static Task<PayrollApp> StartAsync(DatabaseProvider provider) =>
        PayrollApp.StartAsync(provider, new Dictionary<string, string?> { [ExportSigningKeys.Variable] = ExportSigningKeys.NewEntry("k1") });

    public static async Task<ExportScenario> CreateAsync(PayrollApp app)
    {
        var company = await app.CompanyAsync("acme");
        var other = await app.CompanyAsync("other");
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var grace = await app.EmployeeAsync(company.Id, "234-56-7890", "Grace", "Hopper");
        string[] ssns = ["345-67-8901", "456-78-9012", "567-89-0123", "678-90-1234"];
        var hostile = new List<Guid>();
        for (var i = 0; i < HostileFirstNames.Length; i++)
        {
            hostile.Add((await app.EmployeeAsync(company.Id, ssns[i], HostileFirstNames[i], "Test")).Id);
        }

        var outsider = await app.EmployeeAsync(other.Id, "789-01-2345");

        List<PayrollLineRequest> januaryLines =
        [
            Samples.UsLine(ada.Id, 5000.55m, 250m, new(300m, 45.10m, 20m), 12.34m),
            Samples.UsLine(grace.Id, 7123.45m),
            .. hostile.Select((id, i) => Samples.UsLine(id, 1000m + i)),
        ];
        var january = await ApprovedAsync(app, company.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 30), januaryLines);
        var february = await ApprovedAsync(app, company.Id, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 27), [Samples.UsLine(ada.Id, 5000.55m), Samples.UsLine(grace.Id, 6999.99m)]);
        var march = await CreateAsync(app, company.Id, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), [Samples.UsLine(ada.Id, 4321.09m)]);
        var otherPayroll = await ApprovedAsync(app, other.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 30), [Samples.UsLine(outsider.Id, 999m)]);
        return new ExportScenario(company.Id, other.Id, january, february, march, otherPayroll);
    }

    /// <summary>The database's own sums of the approved lines paid in the months, in cents, in the register's column order.</summary>
    public static async Task<long[]> ApprovedSumsAsync(PayrollApp app, Guid companyId, int year, int firstMonth, int lastMonth)
    {
        string[] columns =
        [
            "gross_wages", "supplemental_wages", "retirement", "cafeteria", "hsa", "fit_wages", "social_security_wages", "medicare_wages",
            "additional_medicare_wages", "federal_income_tax", "social_security", "medicare", "additional_medicare", "employer_social_security",
            "employer_medicare", "state_income_tax", "post_tax_deductions", "net_pay",
        ];
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        await using var reader = await connection.ExecuteReaderAsync(
            $"""
            SELECT {string.Join(", ", columns.Select(c => $"CAST(COALESCE(SUM(l.{c}), 0) AS bigint)"))}
            FROM payroll_lines l JOIN payrolls p ON p.id = l.payroll_id
            WHERE p.company_id = @companyId AND p.status = 'approved' AND p.pay_year = @year AND p.pay_month BETWEEN @firstMonth AND @lastMonth
            """,
            new { companyId, year, firstMonth, lastMonth });
        (await reader.ReadAsync()).ShouldBeTrue();
        return [.. columns.Select((_, i) => reader.GetInt64(i))];
    }

    public static async Task<ExportLinkDto> IssueAsync(HttpClient client, Guid companyId, object scope, string format, int? expiresInMinutes = null)
    {
        var response = await client.PostAsJsonAsync($"/api/companies/{companyId}/exports", new { scope, format, expiresInMinutes });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ExportLinkDto>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
    }

    private static async Task<Guid> ApprovedAsync(PayrollApp app, Guid companyId, DateOnly periodStart, DateOnly payDate, IReadOnlyList<PayrollLineRequest> lines)
    {
        var id = await CreateAsync(app, companyId, periodStart, payDate, lines);
        var approved = await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(companyId, id));
        approved.IsSuccess.ShouldBeTrue(string.Join("; ", approved.Errors));
        return id;
    }

    private static async Task<Guid> CreateAsync(PayrollApp app, Guid companyId, DateOnly periodStart, DateOnly payDate, IReadOnlyList<PayrollLineRequest> lines)
    {
        var created = await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(companyId, periodStart, payDate, payDate, "monthly", lines));
        created.IsSuccess.ShouldBeTrue(string.Join("; ", created.Errors));
        return created.Value!.Id;
    }
}
