using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Withholding;

/// <summary>State income tax through the pipeline, on both databases: employees with a work state are paid, stored, reported.</summary>
public sealed class StatePayrollTests
{
    private static readonly WithholdingW4 Single = new("2020", "single");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Payroll_WhenEmployeesWorkInCaliforniaAndNewYork_ShouldWithholdEachStatesTaxStoreItAndReportItPerState(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ada = await HireAsync(app, company.Id, "123-45-6789", "US-CA", new { filingStatus = "single", allowances = 1 });
        var grace = await HireAsync(app, company.Id, "234-56-7890", "US-NY", new { filingStatus = "married", allowances = 2, additionalWithholding = 10.00m });
        var linus = await app.EmployeeAsync(company.Id, "345-67-8901", "Linus", "Torvalds");

        var payroll = (await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(company.Id, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), new DateOnly(2026, 6, 30), "monthly",
            [Samples.UsLine(ada.Id, 6000m), Samples.UsLine(grace.Id, 8000m, preTaxDeductions: new WithholdingPreTaxDeductions(500m, 0m, 0m)), Samples.UsLine(linus.Id, 4000m)]))).Value!;
        await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(company.Id, payroll.Id));

        var california = await PreviewAsync(app, 6000m, new WithholdingPreTaxDeductions(0m, 0m, 0m), new { jurisdiction = "US-CA", filingStatus = "single", allowances = 1 });
        var newYork = await PreviewAsync(app, 8000m, new WithholdingPreTaxDeductions(500m, 0m, 0m), new { jurisdiction = "US-NY", filingStatus = "married", allowances = 2, additionalWithholding = 10.00m });
        var lines = payroll.Lines;
        lines[0].StateJurisdiction().ShouldBe("US-CA");
        lines[0].StateIncomeTax().ShouldBe(california);
        lines[1].StateJurisdiction().ShouldBe("US-NY");
        lines[1].StateIncomeTax().ShouldBe(newYork);
        lines[2].StateJurisdiction().ShouldBeNull();
        lines[2].StateIncomeTax().ShouldBe(0m);
        california.ShouldBeGreaterThan(0m);
        newYork.ShouldBeGreaterThan(10m);
        lines[0].NetPay.ShouldBe(6000m - lines[0].Withholdings().FederalIncomeTax - lines[0].Withholdings().SocialSecurity - lines[0].Withholdings().Medicare - california);
        payroll.Totals.StateIncomeTax().ShouldBe(california + newYork);

        var stored = await StoredAsync(app, payroll.Id);
        stored.ShouldBe([("US-CA", 6000_00L, (long)(california * 100)), ("US-NY", 7500_00L, (long)(newYork * 100)), (null, 0L, 0L)]);

        var report = (await app.SendAsync<Result<WithholdingReportDto>>(new GetWithholdingReport(company.Id, 2026, null, 6))).Value!;
        report.States().Select(s => (s.Jurisdiction, s.Wages, s.IncomeTax)).ShouldBe([("US-CA", 6000.00m, california), ("US-NY", 7500.00m, newYork)]);
        var quarter = (await app.SendAsync<Result<WithholdingReportDto>>(new GetWithholdingReport(company.Id, 2026, 1, null))).Value!;
        quarter.States().ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdateEmployee_WhenTheWorkStateMoves_ShouldKeepTheHistoryAndPayEachPeriodInItsState(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();
        var ada = await HireAsync(app, company.Id, "123-45-6789", "US-CA", new { filingStatus = "single", allowances = 1 });

        var moved = await app.SendAsync<Result<EmployeeDto>>(new UpdateEmployee(company.Id, ada.Id, default, default, default, default)
        {
            Fields = RegimeFields.Members(new { workState = "US-TX", stateEffectiveDate = new DateOnly(2026, 7, 1) }),
        });

        moved.Errors.ShouldBeEmpty();
        moved.Value!.StateHistory().Select(s => (s.EffectiveDate, s.WorkState)).ShouldBe([(new DateOnly(2024, 1, 1), "US-CA"), (new DateOnly(2026, 7, 1), "US-TX")]);
        var june = (await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(company.Id, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), new DateOnly(2026, 6, 30), "monthly", [Samples.UsLine(ada.Id, 6000m)]))).Value!;
        var july = (await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(company.Id, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31), new DateOnly(2026, 7, 31), "monthly", [Samples.UsLine(ada.Id, 6000m)]))).Value!;
        june.Lines[0].StateJurisdiction().ShouldBe("US-CA");
        june.Lines[0].StateIncomeTax().ShouldBeGreaterThan(0m);
        july.Lines[0].StateJurisdiction().ShouldBe("US-TX");
        july.Lines[0].StateIncomeTax().ShouldBe(0m);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateEmployee_WhenTheCertificateBreaksTheStatesRules_ShouldNameTheFieldAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync();

        var noSchedule = await TryHireAsync(app, company.Id, "123-45-6789", "US-MD", new { filingStatus = "single" });
        var badStatus = await TryHireAsync(app, company.Id, "123-45-6789", "US-CA", new { filingStatus = "married_joint" });
        var unknown = await TryHireAsync(app, company.Id, "123-45-6789", "US-XX", new { });
        var typo = await TryHireAsync(app, company.Id, "123-45-6789", "US-CA", new { filingstatus = "single" });

        noSchedule.FirstError.Field.ShouldBe("stateCertificate.rateSchedule");
        noSchedule.FirstError.Message.ShouldContain("\"0.0320\"");
        badStatus.FirstError.Field.ShouldBe("stateCertificate.filingStatus");
        badStatus.FirstError.Message.ShouldContain("\"head_of_household\"");
        unknown.FirstError.Field.ShouldBe("workState");
        typo.FirstError.Field.ShouldBe("stateCertificate.filingstatus");
        (await CountAsync(app, "employees")).ShouldBe(0);
        (await CountAsync(app, "employee_state_certificates")).ShouldBe(0);
    }

    private static async Task<EmployeeDto> HireAsync(PayrollApp app, Guid companyId, string ssn, string workState, object certificate)
    {
        var result = await TryHireAsync(app, companyId, ssn, workState, certificate);
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    private static Task<Result<EmployeeDto>> TryHireAsync(PayrollApp app, Guid companyId, string ssn, string workState, object certificate) =>
        app.SendAsync<Result<EmployeeDto>>(new CreateEmployee(companyId, "Ada", "Lovelace", new DateOnly(2024, 1, 1), null)
        {
            Fields = RegimeFields.Members(new { ssn, payFrequency = "monthly", exempt = false, w4 = Single, workState, stateCertificate = certificate }),
        });

    private static async Task<decimal> PreviewAsync(PayrollApp app, decimal gross, WithholdingPreTaxDeductions deductions, object state)
    {
        var preview = await app.SendAsync<Result<WithholdingResultDto>>(new CalculateWithholding(2026, "monthly", gross, 0m, deductions, Single,
            PayDate: new DateOnly(2026, 6, 30), State: JsonSerializer.SerializeToElement(state, JsonSerializerOptions.Web)));
        return preview.Value!.StateIncomeTax!.Value;
    }

    private static async Task<List<(string?, long, long)>> StoredAsync(PayrollApp app, Guid payrollId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string?, long, long)>(
            "SELECT state_jurisdiction, state_wages, state_income_tax FROM payroll_lines WHERE payroll_id = @payrollId ORDER BY line_no", new { payrollId });
        return rows.ToList();
    }

    private static async Task<long> CountAsync(PayrollApp app, string table)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}
