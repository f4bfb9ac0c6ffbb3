using System.Text.Json;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Imports;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Imports;

/// <summary>
/// The us-federal import's work state and state certificate columns through the real pipeline on both databases: they become
/// the API's workState, stateCertificate and stateEffectiveDate, so the state's rules and history are the API's (docs/IMPORTS.md).
/// </summary>
public sealed class EmployeeImportStateTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // Ada works in California, Bob in Indiana (WH-4 exemption counts, no filing status), Cy in no state.
    private static readonly string Hires = ImportSamples.UsStateHeader + "\n"
        + "E-1001,Ada,Lovelace,123-45-6781,2026-01-05,monthly,2020,single,US-CA,single,1,0,10.00,,,,,salary,72000.00\n"
        + "E-1002,Bob,Babbage,123-45-6782,2026-02-02,monthly,2020,single,US-IN,,,,,1,2,,,salary,60000.00\n"
        + "E-1003,Cy,Clark,123-45-6783,2026-02-02,monthly,2020,single,,,,,,,,,,salary,50000.00\n";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ImportEmployees_WithWorkStateAndCertificate_ShouldStoreThemFromTheHireDateAndWithholdTheStatesTaxToTheCent(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");

        var imported = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, ImportSamples.Csv(Hires), DryRun: false));

        imported.IsSuccess.ShouldBeTrue(string.Join("; ", imported.Errors));
        imported.Value!.Created.ShouldBe(3);
        var employees = (await EmployeesAsync(app, company.Id)).OrderBy(e => e.EmployeeNumber).ToList();
        var (ada, bob, cy) = (employees[0], employees[1], employees[2]);
        ada.StateHistory().ShouldBe([new EmployeeStateDto(new DateOnly(2026, 1, 5), "US-CA", new StateCertificateDto("single", 1, 0, 10.00m, null, null, null, null, false))]);
        Json(ada).ShouldSatisfyAllConditions(
            j => j.GetProperty("workState").GetString().ShouldBe("US-CA"),
            j => j.GetProperty("stateEffectiveDate").GetString().ShouldBe("2026-01-05", "the certificate applies from the hire date"),
            j => j.GetProperty("stateCertificate").GetProperty("filingStatus").GetString().ShouldBe("single"),
            j => j.GetProperty("stateCertificate").GetProperty("additionalWithholding").GetDecimal().ShouldBe(10.00m));
        bob.StateHistory().ShouldBe([new EmployeeStateDto(new DateOnly(2026, 2, 2), "US-IN",
            new StateCertificateDto(null, 0, 0, 0m, null, null, new StateExemptionsDto(1, 2, 0, 0), null, false))]);
        cy.StateHistory().ShouldBeEmpty();
        Json(cy).GetProperty("workState").ValueKind.ShouldBe(JsonValueKind.Null);

        var payroll = await app.SendAsync<Result<PayrollDto>>(new CreatePayroll(company.Id, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), new DateOnly(2026, 6, 30), "monthly",
            [Samples.UsLine(ada.Id, 6000m), Samples.UsLine(cy.Id, 4000m)]));
        var preview = await app.SendAsync<Result<WithholdingResultDto>>(new CalculateWithholding(2026, "monthly", 6000m, 0m, new WithholdingPreTaxDeductions(0m, 0m, 0m),
            new WithholdingW4("2020", "single"), PayDate: new DateOnly(2026, 6, 30),
            State: JsonSerializer.SerializeToElement(new { jurisdiction = "US-CA", filingStatus = "single", allowances = 1, additionalWithholding = 10.00m }, Web)));

        payroll.IsSuccess.ShouldBeTrue(string.Join("; ", payroll.Errors));
        var lines = payroll.Value!.Lines;
        lines[0].StateJurisdiction().ShouldBe("US-CA");

        // DE 44 Method B, monthly single, 1 allowance: 6,000.00 - 476 standard deduction = 5,524.00; 182.24 + 8.8% of
        // (5,524.00 - 4,796) = 246.30; less the 14.03 allowance credit = 232.27; plus 10.00 additional withholding.
        lines[0].StateIncomeTax().ShouldBe(242.27m);
        lines[0].StateIncomeTax().ShouldBe(preview.Value!.StateIncomeTax!.Value, "the preview with the same certificate");
        lines[1].StateJurisdiction().ShouldBeNull();
        lines[1].StateIncomeTax().ShouldBe(0m);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ImportEmployees_WhenTheStateCertificateChanges_ShouldAddARecordForANewDateReplaceTheSameDateAndLeaveAnEqualOneAlone(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        (await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, ImportSamples.Csv(Hires), false))).IsSuccess.ShouldBeTrue();

        var added = await ImportAsync(app, company.Id, "E-1001,,,,,,,,US-CA,married,2,0,,,,,2026-07-01,,");
        var replaced = await ImportAsync(app, company.Id, "E-1001,,,,,,,,US-CA,married,3,1,,,,,2026-07-01,,");
        var again = await ImportAsync(app, company.Id, "E-1001,,,,,,,,US-CA,married,3,1,,,,,2026-07-01,,", dryRun: true);
        var inEffect = await ImportAsync(app, company.Id, "E-1001,,,,,,,,,married,3,1,,,,,,,\nE-1002,,,,,,,,US-IN,,,,,1,2,,2026-03-01,,", dryRun: true);
        var undated = await ImportAsync(app, company.Id, "E-1001,,,,,,,,US-CA,married,4,1,,,,,,,", dryRun: true);
        var stateless = await ImportAsync(app, company.Id, "E-1003,,,,,,,,,single,1,,,,,,2026-07-01,,", dryRun: true);
        var moved = await ImportAsync(app, company.Id, "E-1003,,,,,,,,US-TX,,,,,,,,2026-07-01,,");

        added.IsSuccess.ShouldBeTrue(string.Join("; ", added.Errors));
        added.Value!.Employees.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Action.ShouldBe("updated"),
            e => e.Changes.ShouldContain("stateCertificate"));
        replaced.IsSuccess.ShouldBeTrue(string.Join("; ", replaced.Errors));
        replaced.Value!.Employees.ShouldHaveSingleItem().Action.ShouldBe("updated");
        var ada = (await EmployeesAsync(app, company.Id)).Single(e => e.EmployeeNumber == "E-1001");
        ada.StateHistory().ShouldBe(
        [
            new EmployeeStateDto(new DateOnly(2026, 1, 5), "US-CA", new StateCertificateDto("single", 1, 0, 10.00m, null, null, null, null, false)),
            new EmployeeStateDto(new DateOnly(2026, 7, 1), "US-CA", new StateCertificateDto("married", 3, 1, 0m, null, null, null, null, false)),
        ], "another date adds a record, the same date replaces it");
        again.Value!.Employees.ShouldHaveSingleItem().Action.ShouldBe("unchanged");
        inEffect.Value!.Problems.ShouldBeEmpty();
        inEffect.Value.Employees.Select(e => (e.Row, e.Action)).ShouldBe([(2, "unchanged"), (3, "unchanged")],
            "the certificate in effect now, and on 2026-03-01 (Bob's since his hire)");
        undated.Value!.Problems.Select(p => (p.Row, p.Column, p.Code)).ShouldBe([(2, "stateEffectiveDate", "employee.state_effective_date_required")]);
        stateless.Value!.Problems.Select(p => (p.Row, p.Column, p.Code)).ShouldBe([(2, "workState", "employee.work_state_required")],
            "Cy has no work state for the certificate to belong to");
        moved.IsSuccess.ShouldBeTrue(string.Join("; ", moved.Errors));
        (await EmployeesAsync(app, company.Id)).Single(e => e.EmployeeNumber == "E-1003").StateHistory()
            .ShouldBe([new EmployeeStateDto(new DateOnly(2026, 7, 1), "US-TX", new StateCertificateDto(null, 0, 0, 0m, null, null, null, null, false))]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ImportEmployees_WhenTheStateColumnsBreakTheStatesRules_ShouldNameTheRowAndColumnAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var file = ImportSamples.Csv(ImportSamples.UsStateHeader + "\n"
            + "E-1,Ada,Lovelace,123-45-6781,2026-01-05,monthly,2020,single,US-XX,single,1,,,,,,,,\n"         // row 2: no such state
            + "E-2,Bob,Babbage,123-45-6782,2026-01-05,monthly,2020,single,US-CA,married_joint,1,,,,,,,,\n"  // row 3: not a California status
            + "E-3,Cy,Clark,123-45-6783,2026-01-05,monthly,2020,single,US-CA,single,two,,1.005,,,,,,\n"      // row 4: allowances, amount
            + "E-4,Di,Dee,123-45-6784,2026-01-05,monthly,2020,single,,single,1,,,,,,,,\n"                   // row 5: a certificate, no state
            + "E-5,Ed,Eel,123-45-6785,2026-01-05,monthly,2020,single,,,,,,,,,2026-02-01,,\n"                // row 6: a date, no state
            + "E-6,Fa,Fox,123-45-6786,2026-01-05,monthly,2020,single,US-MD,single,1,,,x,,,,,\n");           // row 7: no rate schedule, exemptions

        var dryRun = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, file, DryRun: true));
        var refused = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, file, DryRun: false));

        dryRun.IsSuccess.ShouldBeTrue("a dry run answers its problems");
        dryRun.Value!.Problems.Select(p => (p.Row, p.Column, p.Code)).ShouldBe(
        [
            (2, "workState", "state.jurisdiction_unknown"),
            (3, "stateFilingStatus", "state.value_not_allowed"),
            (4, "stateAllowances", "state.value_invalid"),
            (4, "stateAdditionalWithholding", "amount.invalid"),
            (5, "workState", "employee.work_state_required"),
            (6, "workState", "employee.work_state_required"),
            (7, "statePersonalExemptions", "state.value_invalid"),
        ]);
        dryRun.Value.Problems[1].Message.ShouldContain("\"head_of_household\"", customMessage: "it lists the state's statuses");
        refused.IsSuccess.ShouldBeFalse();
        refused.Errors.Select(e => e.Field).ShouldContain("rows[3].stateFilingStatus");
        (await EmployeesAsync(app, company.Id)).ShouldBeEmpty("all or nothing");

        var maryland = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, ImportSamples.Csv(ImportSamples.UsStateHeader + "\n"
            + "E-6,Fa,Fox,123-45-6786,2026-01-05,monthly,2020,single,US-MD,single,1,,,,,,,,\n"
            + "E-7,Gil,Gray,123-45-6787,2026-01-05,monthly,2020,single,US-MD,single,1,,,,,0.0999,,,\n"), DryRun: true));
        maryland.Value!.Problems.Select(p => (p.Row, p.Column, p.Code)).ShouldBe(
            [(2, "stateRateSchedule", "state.value_required"), (3, "stateRateSchedule", "state.value_not_allowed")]);
    }

    private static Task<Result<EmployeeImportDto>> ImportAsync(PayrollApp app, Guid companyId, string rows, bool dryRun = false) =>
        app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(companyId, ImportSamples.Csv(ImportSamples.UsStateHeader + "\n" + rows + "\n"), dryRun));

    private static async Task<IReadOnlyList<EmployeeDto>> EmployeesAsync(PayrollApp app, Guid companyId) =>
        (await app.SendAsync<Result<Page<EmployeeDto>>>(new ListEmployees(companyId, 500))).Value!.Items;

    private static JsonElement Json(EmployeeDto employee) => JsonSerializer.SerializeToElement(employee, Web);
}
