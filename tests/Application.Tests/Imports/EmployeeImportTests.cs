using System.Text.Json;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common.Paging;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Compensation;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Imports;
using PayrollPortal.Application.Schedules;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Imports;

/// <summary>Employee imports through the real pipeline on both databases (docs/IMPORTS.md).</summary>
public sealed class EmployeeImportTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly string UsFile = ImportSamples.UsHeader + "\r\n"
        + "E-1001,Ada,Lovelace,123-45-6781,2026-01-05,Biweekly,2020,single,0,,salary,78000.00,,5,\r\n"
        + "E-1002,Bob,Babbage,123456782,2026-02-02,Biweekly,2020,married_filing_jointly,2000.00,,hourly,,25.50,,2026-02-02\r\n";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ImportEmployees_UsCsvDryRunThenCommit_ShouldStoreNothingThenHireWithW4ScheduleAndCompensationToTheCent(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var schedule = await ScheduleAsync(app, company.Id);
        var file = ImportSamples.Csv(UsFile, bom: true);

        var dryRun = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, file, DryRun: true));
        var afterDryRun = await EmployeesAsync(app, company.Id);
        var imported = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, file, DryRun: false));

        dryRun.IsSuccess.ShouldBeTrue(string.Join("; ", dryRun.Errors));
        dryRun.Value!.ShouldSatisfyAllConditions(
            d => d.DryRun.ShouldBeTrue(),
            d => d.Problems.ShouldBeEmpty(),
            d => (d.Rows, d.Created, d.Updated, d.Unchanged).ShouldBe((2, 2, 0, 0)),
            d => d.Employees.Select(e => (e.Row, e.Action, e.EmployeeId, e.EmployeeNumber)).ShouldBe([(2, "created", (Guid?)null, "E-1001"), (3, "created", null, "E-1002")]));
        afterDryRun.ShouldBeEmpty("a dry run stores nothing");

        imported.IsSuccess.ShouldBeTrue(string.Join("; ", imported.Errors));
        (imported.Value!.Created, imported.Value.Sha256).ShouldBe((2, file.Sha256));
        var employees = (await EmployeesAsync(app, company.Id)).OrderBy(e => e.EmployeeNumber).ToList();
        employees.Select(e => (e.EmployeeNumber, e.FirstName, e.LastName, e.SsnMasked, e.HireDate, e.PayFrequency, e.PayScheduleId)).ShouldBe(
        [
            ("E-1001", "Ada", "Lovelace", "***-**-6781", new DateOnly(2026, 1, 5), "biweekly", (Guid?)schedule.Id),
            ("E-1002", "Bob", "Babbage", "***-**-6782", new DateOnly(2026, 2, 2), "biweekly", schedule.Id),
        ]);
        var bob = Json(employees[1]);
        bob.GetProperty("w4").GetProperty("filingStatus").GetString().ShouldBe("married_filing_jointly");
        bob.GetProperty("w4").GetProperty("step3Dependents").GetDecimal().ShouldBe(2_000.00m);
        bob.GetProperty("w4EffectiveDate").GetString().ShouldBe("2026-02-02", "the W-4 applies from the hire date");
        var adaPay = await CompensationAsync(app, company.Id, employees[0].Id);
        adaPay.Select(c => (c.EffectiveFrom, c.PayType, Convert.ToDecimal(c.Terms!["annualSalary"]), Convert.ToDecimal(c.Terms["retirementPercent"]))).ShouldBe(
            [(new DateOnly(2026, 1, 5), "salary", 78_000.00m, 5m)]);
        var bobPay = await CompensationAsync(app, company.Id, employees[1].Id);
        bobPay.Select(c => (c.EffectiveFrom, c.PayType, Convert.ToDecimal(c.Terms!["hourlyRate"]))).ShouldBe([(new DateOnly(2026, 2, 2), "hourly", 25.50m)]);

        var events = (await app.SendAsync<Result<Page<AuditEventDto>>>(new ListAuditEvents(company.Id, AuditActions.EmployeesImported, null, null))).Value!.Items;
        var details = JsonSerializer.Serialize(events.ShouldHaveSingleItem());
        details.ShouldContain(file.Sha256);
        details.ShouldContain("\"created\":2");
        details.ShouldNotContain("6781");
        details.ShouldNotContain("Lovelace");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ImportEmployees_WhenRowsAreWrong_ShouldListEveryProblemByRowAndColumnAndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        await ScheduleAsync(app, company.Id);
        var file = ImportSamples.Csv(ImportSamples.UsHeader + "\n"
            + "E-1,Ada,Lovelace,123-45-67,2026-01-05,Biweekly,2020,single,,,salary,78000.00,,,\n"      // row 2: SSN malformed
            + "E-2,=HYPERLINK(x),Babbage,123-45-6782,2026-13-01,Weekly,2020,single,,,salary,1.005,,,\n" // row 3: formula, date, schedule, amount
            + "E-2,Cy,Clark,123-45-6783,2026-01-05,Biweekly,2020,single,,,salary,50000,,,\n"           // row 4: number as row 3
            + "E-4,Di,Dee,123-45-6783,2026-01-05,Biweekly,2021,sngl,,,weekly,,,,\n"                    // row 5: SSN as row 4, filing status, pay type
            + "\n");

        var dryRun = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, file, DryRun: true));
        var refused = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, file, DryRun: false));

        dryRun.IsSuccess.ShouldBeTrue("a dry run answers its problems");
        dryRun.Value!.Problems.Select(p => (p.Row, p.Column, p.Code)).ShouldBe(
        [
            (2, "ssn", "employee.ssn_malformed"),
            (3, "employeeNumber", "import.duplicate_employee_number"),
            (3, "firstName", "import.formula_text"),
            (3, "hireDate", "import.date_invalid"),
            (3, "paySchedule", "employee.schedule_unknown"),
            (3, "annualSalary", "amount.invalid"),
            (4, "employeeNumber", "import.duplicate_employee_number"),
            (4, "ssn", "import.duplicate_national_id"),
            (5, "ssn", "import.duplicate_national_id"),
            (5, "filingStatus", "withholding.filing_status_unknown"),
            (5, "payType", "compensation.pay_type_invalid"),
        ]);
        dryRun.Value.Problems.ShouldAllBe(p => !p.Message.Contains("6783") && !p.Message.Contains("123-45"));
        refused.IsSuccess.ShouldBeFalse();
        refused.Errors.Select(e => e.Field).Distinct().ShouldBe(dryRun.Value.Problems.Select(p => $"rows[{p.Row}].{p.Column}").Distinct());
        (await EmployeesAsync(app, company.Id)).ShouldBeEmpty("all or nothing");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ImportEmployees_WhenOnlyLateHiresAreWrong_ShouldRefuseTheFileWithEveryProblemAndKeepNothing(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        await ScheduleAsync(app, company.Id);
        (await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, ImportSamples.Csv(UsFile), false))).IsSuccess.ShouldBeTrue();
        var before = await EmployeesAsync(app, company.Id);

        // Every row passes the file-wide checks (numbers, SSNs, matches), so only planning each row finds the problems: row 2
        // updates Ada, 1,498 hires are good, and rows 1,403 (its W-4 and salary) and 1,502 (its rate) are wrong.
        var file = new System.Text.StringBuilder(ImportSamples.UsHeader + "\n" + "E-1001,Ada,King,,,,,,,,,,,,\n");
        for (var i = 1; i <= 1_500; i++)
        {
            var (filingStatus, salary, rate) = i switch
            {
                1_401 => ("sngl", "-5", ""),
                1_500 => ("single", "", "3O.00"),
                _ => ("single", "50000", ""),
            };
            file.Append($"E-{i:00000},Cy,Clark,{100 + i / 9000}-{10 + i / 90 % 90:00}-{1000 + i:0000},2026-01-05,Biweekly,2020,{filingStatus},,,{(rate.Length > 0 ? "hourly" : "salary")},{salary},{rate},,\n");
        }

        var refused = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, ImportSamples.Csv(file.ToString()), DryRun: false));

        refused.IsSuccess.ShouldBeFalse();
        refused.Errors.Select(e => (e.Field, e.Code)).ShouldBe(
        [
            ("rows[1403].filingStatus", "withholding.filing_status_unknown"),
            ("rows[1403].annualSalary", "amount.invalid"),
            ("rows[1502].hourlyRate", "json.invalid"),
        ], "every row is checked");
        var after = await EmployeesAsync(app, company.Id);
        after.Select(e => (e.Id, e.LastName)).ShouldBe(before.Select(e => (e.Id, e.LastName)), "none of the good hires, nor Ada's new name, is kept");
        foreach (var employee in after)
        {
            (await CompensationAsync(app, company.Id, employee.Id)).Count.ShouldBe(1);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ImportEmployees_AgainWithChanges_ShouldUpdateMatchedEmployeesAndAddOrReplaceEffectiveDatedRecords(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        await ScheduleAsync(app, company.Id);
        (await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, ImportSamples.Csv(UsFile), false))).IsSuccess.ShouldBeTrue();

        // Ada by number: a new name, a new W-4 and a raise from July. Bob by SSN alone (no number): nothing differs.
        var changes = ImportSamples.Csv(ImportSamples.UsHeader + "\n"
            + "E-1001,Ada,King,123-45-6781,,,2020,head_of_household,0,2026-07-01,salary,84000.00,,5,2026-07-01\n"
            + ",Bob,Babbage,123-45-6782,,,2020,married_filing_jointly,2000,,hourly,,25.50,,\n");
        var dryRun = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, changes, true));
        var updated = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, changes, false));
        var replaced = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, ImportSamples.Csv(ImportSamples.UsHeader + "\n"
            + "E-1001,,,,,,,,,,salary,85000.00,,5,2026-07-01\n"), false));
        var conflict = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, ImportSamples.Csv(ImportSamples.UsHeader + "\n"
            + "E-1001,,,123-45-6782,,,,,,,,,,,\n"), true));

        var twice = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, ImportSamples.Csv(ImportSamples.UsHeader + "\n"
            + "E-1001,,,,,,,,,,,,,,\n"
            + ",,,123-45-6781,,,,,,,,,,,\n"), true));

        twice.Value!.Problems.Select(p => (p.Row, p.Column, p.Code)).ShouldBe(
            [(2, "ssn", "import.same_employee_twice"), (3, "ssn", "import.same_employee_twice")], "one by number, one by SSN: both are Ada");
        dryRun.Value!.Employees.Select(e => (e.Row, e.Action)).ShouldBe([(2, "updated"), (3, "unchanged")]);
        updated.IsSuccess.ShouldBeTrue(string.Join("; ", updated.Errors));
        (updated.Value!.Created, updated.Value.Updated, updated.Value.Unchanged).ShouldBe((0, 1, 1));
        updated.Value.Employees[0].Changes.ShouldBe(["w4", "lastName", "compensation"], ignoreOrder: true);
        var ada = (await EmployeesAsync(app, company.Id)).Single(e => e.EmployeeNumber == "E-1001");
        ada.LastName.ShouldBe("King");
        Json(ada).GetProperty("w4History").EnumerateArray().Select(w => (w.GetProperty("effectiveDate").GetString(), w.GetProperty("w4").GetProperty("filingStatus").GetString()))
            .ShouldBe([("2026-01-05", "single"), ("2026-07-01", "head_of_household")]);
        replaced.IsSuccess.ShouldBeTrue(string.Join("; ", replaced.Errors));
        replaced.Value!.Employees.ShouldHaveSingleItem().Changes.ShouldBe(["compensation"]);
        (await CompensationAsync(app, company.Id, ada.Id)).Select(c => (c.EffectiveFrom, Convert.ToDecimal(c.Terms!["annualSalary"]))).ShouldBe(
            [(new DateOnly(2026, 7, 1), 85_000.00m), (new DateOnly(2026, 1, 5), 78_000.00m)], "the same date replaces, another adds");
        conflict.Value!.Problems.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => (p.Row, p.Column, p.Code).ShouldBe((2, "ssn", "import.identity_conflict")),
            p => p.Message.ShouldContain("ending 6782"),
            p => p.Message.ShouldNotContain("123-45"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ImportEmployees_KrCsv_ShouldHireWithProfileAndMonthlyBaseThenAddAProfileRecord(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = (await app.SendAsync<Result<CompanyDto>>(new CreateCompany("서울상사", "seoul-trading", null, "kr"))).Value!;
        (await app.SendAsync<Result<PayScheduleDto>>(new CreatePaySchedule(company.Id, "매월 25일", "monthly", new DateOnly(2026, 1, 1), null, 25, null))).IsSuccess.ShouldBeTrue();
        var file = ImportSamples.Csv(ImportSamples.KrHeader + "\n"
            + "M-001,하늘,김,900101-1234567,2026-01-02,매월 25일,2,1,100,200000,,monthly,3000000,0,\n"
            + "M-002,민준,이,850505-2345678,2026-03-16,매월 25일,1,,,,,monthly,2500000,,\n"
            + "M-003,서연,박,8003031456789,2026-03-16,매월 25일,0,,90,,,monthly,2500000.5,,\n");

        var dryRun = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, file, true));
        var fixedFile = ImportSamples.Csv(ImportSamples.KrHeader + "\n"
            + "M-001,하늘,김,900101-1234567,2026-01-02,매월 25일,2,1,100,200000,,monthly,3000000,0,\n"
            + "M-002,민준,이,850505-2345678,2026-03-16,매월 25일,1,,,,,monthly,2500000,,\n");
        var imported = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, fixedFile, false));
        var changed = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, ImportSamples.Csv(ImportSamples.KrHeader + "\n"
            + "M-001,,,,,,3,1,100,200000,2026-05-01,,,,\n"), false));

        dryRun.Value!.Problems.Select(p => (p.Row, p.Column, p.Code)).ShouldBe(
        [
            (4, "dependents", "withholding.kr.dependents_out_of_range"),
            (4, "withholdingRatio", "withholding.kr.ratio_unknown"),
            (4, "monthlyBase", "withholding.kr.amount_not_whole_krw"),
        ]);
        dryRun.Value.Problems.ShouldAllBe(p => !p.Message.Contains("1456789"));
        imported.IsSuccess.ShouldBeTrue(string.Join("; ", imported.Errors));
        var kim = (await EmployeesAsync(app, company.Id)).Single(e => e.EmployeeNumber == "M-001");
        (kim.SsnMasked, kim.PayFrequency, kim.HireDate).ShouldBe(("******-***4567", "monthly", new DateOnly(2026, 1, 2)));
        (await CompensationAsync(app, company.Id, kim.Id)).Select(c => (c.EffectiveFrom, c.PayType, Convert.ToDecimal(c.Terms!["monthlyBase"]))).ShouldBe(
            [(new DateOnly(2026, 1, 2), "monthly", 3_000_000m)]);
        changed.IsSuccess.ShouldBeTrue(string.Join("; ", changed.Errors));
        changed.Value!.Employees.ShouldHaveSingleItem().Action.ShouldBe("updated");
        kim = (await EmployeesAsync(app, company.Id)).Single(e => e.EmployeeNumber == "M-001");
        Json(kim).GetProperty("krHistory").EnumerateArray().Select(p => (p.GetProperty("effectiveDate").GetString(), p.GetProperty("dependents").GetInt32()))
            .ShouldBe([("2026-01-02", 2), ("2026-05-01", 3)]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ImportEmployees_FromXlsx_ShouldImportTheFirstSheetAndRefuseFormulasBombsAndOtherEncodings(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        await ScheduleAsync(app, company.Id);
        string[] header = ["EmployeeNumber", "FIRSTNAME", "lastName", "ssn", "hireDate", "paySchedule", "w4Version", "filingStatus", "payType", "annualSalary"];
        var workbook = await ImportSamples.XlsxAsync([header, ["E-7", "Ada", "Lovelace", "123-45-6781", "2026-01-05", "Biweekly", "2020", "single", "salary", "78000"]]);
        var withFormula = await ImportSamples.XlsxAsync([header, ["E-7", "Ada", "Lovelace", "123-45-6781", "2026-01-05", "Biweekly", "2020", "single", "salary", "=1000*78"]]);

        var imported = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, ImportSamples.File(ImportFileKind.Xlsx, workbook), false));
        var formula = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, ImportSamples.File(ImportFileKind.Xlsx, withFormula), true));
        var bomb = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, ImportSamples.File(ImportFileKind.Xlsx, ImportSamples.ZipBomb()), true));
        var notZip = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id, ImportSamples.File(ImportFileKind.Xlsx, "a,b\n1,2\n"u8.ToArray()), true));
        var latin1 = await app.SendAsync<Result<EmployeeImportDto>>(new ImportEmployees(company.Id,
            ImportSamples.File(ImportFileKind.Csv, [.. "firstName\nJos"u8.ToArray(), 0xE9, (byte)'\n']), true));

        imported.IsSuccess.ShouldBeTrue(string.Join("; ", imported.Errors));
        imported.Value!.Created.ShouldBe(1);
        var ada = (await EmployeesAsync(app, company.Id)).ShouldHaveSingleItem();
        (await CompensationAsync(app, company.Id, ada.Id)).Single().Terms!["annualSalary"].ShouldBe(78_000.00m);
        formula.Value!.Problems.Select(p => (p.Row, p.Column, p.Code)).ShouldContain((2, "annualSalary", "import.formula"));
        bomb.Errors.ShouldHaveSingleItem().Code.ShouldBe("import.xlsx_too_large");
        notZip.Errors.ShouldHaveSingleItem().Code.ShouldBe("import.xlsx_invalid");
        latin1.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Code.ShouldBe("import.encoding"), e => e.Field.ShouldBe("file"));
    }

    private static async Task<PayScheduleDto> ScheduleAsync(PayrollApp app, Guid companyId) =>
        (await app.SendAsync<Result<PayScheduleDto>>(new CreatePaySchedule(companyId, "Biweekly", "biweekly", new DateOnly(2026, 1, 4), 5, null, null))).Value!;

    private static async Task<IReadOnlyList<EmployeeDto>> EmployeesAsync(PayrollApp app, Guid companyId) =>
        (await app.SendAsync<Result<Page<EmployeeDto>>>(new ListEmployees(companyId, 500))).Value!.Items;

    private static async Task<IReadOnlyList<CompensationDto>> CompensationAsync(PayrollApp app, Guid companyId, Guid employeeId) =>
        (await app.SendAsync<Result<CompensationHistoryDto>>(new ListCompensation(companyId, employeeId))).Value!.Items;

    private static JsonElement Json(EmployeeDto employee) => JsonSerializer.SerializeToElement(employee, Web);
}
