using System.Globalization;
using System.Security.Cryptography;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Compensation;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Schedules;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Api.Cli.UsFederal;

/// <summary>
/// The us-federal demo company: a dozen employees (random SSNs of a valid format, 2020 and 2019 W-4s) with employee numbers,
/// on one monthly schedule, with salary records (one hourly employee, one hired on January 20 and so paid a prorated
/// January), and three approved monthly pay runs, January to March of the current tax year. March's run carries Ethan
/// Clark's $10,000 bonus as supplemental wages, added to the started draft through the line replacement a clerk uses.
/// </summary>
internal sealed class UsFederalDemo : IDemoCompany
{
    public const int PayrollCount = 3;

    /// <summary>Noah's hours, January to March: regular and overtime (already counted per workweek).</summary>
    private static readonly (decimal Regular, decimal Overtime)[] NoahsHours = [(168m, 4m), (160m, 0m), (176m, 6.5m)];

    private static readonly DemoEmployee[] Staff =
    [
        new("E-1001", "Maria", "Garcia", 54_000m, new WithholdingW4("2020", "single"), new DateOnly(2021, 3, 15), RetirementPercent: 5m),
        new("E-1002", "James", "Smith", 96_000m, new WithholdingW4("2020", "married_filing_jointly", Step3Dependents: 2_000m), new DateOnly(2020, 6, 1), Cafeteria: 150m),
        new("E-1003", "Aiko", "Tanaka", 72_000m, new WithholdingW4("2020", "head_of_household", Step3Dependents: 4_000m), new DateOnly(2022, 1, 10), Hsa: 100m),
        new("E-1004", "Samuel", "Okafor", 120_000m, new WithholdingW4("2020", "married_filing_jointly", Step2Checkbox: true), new DateOnly(2020, 9, 14), RetirementPercent: 6m),
        new("E-1005", "Priya", "Patel", 88_000m, new WithholdingW4("2020", "single", Step4aOtherIncome: 5_000m, Step4cExtraWithholding: 50m), new DateOnly(2023, 4, 3)),
        new("E-1006", "Lucas", "Martin", 61_000m, new WithholdingW4("2020", "single", Step4bDeductions: 12_000m), new DateOnly(2024, 2, 19)),
        new("E-1007", "Emma", "Johnson", 78_000m, new WithholdingW4("2019", MaritalStatus: "married", Allowances: 3), new DateOnly(2017, 8, 7), RetirementPercent: 4m),
        new("E-1008", "Noah", "Williams", 0m, new WithholdingW4("2019", MaritalStatus: "single", Allowances: 1, ExtraWithholding: 25m), new DateOnly(2018, 11, 26), HourlyRate: 22.60m),
        new("E-1009", "Olivia", "Brown", 250_000m, new WithholdingW4("2019", MaritalStatus: "married", Allowances: 0), new DateOnly(2016, 5, 2), RetirementPercent: 8m),
        // Hired on January 20 of the demo year: January is paid for the weekdays from the 20th on.
        new("E-1010", "Mateo", "Rossi", 30_000m, new WithholdingW4("2020", "single", Exempt: true), null),
        new("E-1011", "Sofia", "Nguyen", 67_000m, new WithholdingW4("2020", "married_filing_separately"), new DateOnly(2021, 10, 18), Cafeteria: 80m),
        new("E-1012", "Ethan", "Clark", 215_000m, new WithholdingW4("2020", "married_filing_jointly", Step3Dependents: 6_000m), new DateOnly(2019, 12, 2), Hsa: 300m, MarchBonus: 10_000m),
    ];

    public string Slug => "demo-co";

    public string Name => "Demo Company (sample data)";

    public async Task<string> SeedAsync(DemoSeeding seeding, CancellationToken cancellationToken)
    {
        var sender = seeding.Sender;
        var year = TaxYear(seeding.Services.GetRequiredService<WithholdingRegimeRegistry>(), seeding.Services.GetRequiredService<TimeProvider>());
        var january = new DateOnly(year, 1, 1);
        var company = DemoSeeding.Need(await sender.Send(new CreateCompany(Name, Slug, null), cancellationToken), Slug, DemoSeeding.CreatingTheCompany);
        await seeding.WriteLineAsync($"company: {Name} ({Slug}) {company.Id}");

        // Paid the last day of the month, or the business day before it when that is a weekend or holiday.
        var schedule = DemoSeeding.Need(
            await sender.Send(new CreatePaySchedule(company.Id, "Monthly", "monthly", january, 0, null, null), cancellationToken), Slug, "creating the schedule");
        await seeding.WriteLineAsync($"schedule: {schedule.Name}, paid the last business day of the month {schedule.Id}");

        var employees = new List<(DemoEmployee Person, Guid Id)>();
        foreach (var (person, ssn) in Staff.Zip(RandomSsns(Staff.Length)))
        {
            var hired = person.HireDate ?? new DateOnly(year, 1, 20);
            var who = $"{person.FirstName} {person.LastName}";
            var created = DemoSeeding.Need(await sender.Send(
                new CreateEmployee(company.Id, person.FirstName, person.LastName, hired, null)
                {
                    Fields = RegimeFields.Members(new { ssn, payFrequency = "monthly", exempt = false, w4 = person.W4 }),
                    EmployeeNumber = person.Number,
                    PayScheduleId = schedule.Id,
                },
                cancellationToken), Slug, $"creating employee {who}");
            var pay = DemoSeeding.Need(await sender.Send(
                new AddCompensation(company.Id, created.Id, hired) { Fields = RegimeFields.Members(person.Compensation()) }, cancellationToken),
                Slug, $"recording the pay of {who}");
            employees.Add((person, created.Id));
            await seeding.WriteLineAsync(
                $"employee: {person.Number} {who} {created.SsnMasked} W-4 {person.W4.Version}, hired {hired:yyyy-MM-dd}, {pay.PayType} {created.Id}");
        }

        for (var month = 1; month <= PayrollCount; month++)
        {
            var start = new DateOnly(year, month, 1);
            var (regular, overtime) = NoahsHours[month - 1];
            var noah = employees.Single(e => e.Person.HourlyRate is not null).Id;
            var run = DemoSeeding.Need(
                await sender.Send(new StartPayRun(company.Id, schedule.Id, start, [new HoursRow(noah, null, regular, overtime)]), cancellationToken),
                Slug, $"starting the run of {start:yyyy-MM}");
            if (employees.Where(e => month == 3 && e.Person.MarchBonus > 0).ToList() is { Count: > 0 } bonuses)
            {
                await AddBonusesAsync(seeding, company.Id, run.Id, bonuses.ToDictionary(b => b.Id, b => b.Person.MarchBonus), cancellationToken);
            }

            var approved = DemoSeeding.Need(await sender.Send(new ApprovePayroll(company.Id, run.Id), cancellationToken), Slug, $"approving the payroll of {start:yyyy-MM}");
            var totals = approved.Totals;
            await seeding.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"payroll: {start:yyyy-MM} paid {approved.PayDate:yyyy-MM-dd} approved, {totals.LineCount} lines, gross {totals.GrossWages:0.00}, " +
                $"supplemental {totals.SupplementalWages:0.00}, federal income tax {totals.RegimeMembers!["federalIncomeTax"]:0.00}, net pay {totals.NetPay:0.00} {approved.Id}"));
        }

        return $"seeded {Slug}: {employees.Count} employees, {PayrollCount} approved monthly payrolls in {year}; company id {company.Id}";
    }

    /// <summary>A one-off bonus on a started draft: its lines again as the run made them, with the bonus as supplemental wages.</summary>
    private async Task AddBonusesAsync(DemoSeeding seeding, Guid companyId, Guid payrollId, Dictionary<Guid, decimal> bonuses, CancellationToken cancellationToken)
    {
        var draft = DemoSeeding.Need(await seeding.Sender.Send(new GetPayroll(companyId, payrollId), cancellationToken), Slug, "reading the March draft");
        var lines = draft.Lines.Select(line => new PayrollLineRequest(line.EmployeeId)
        {
            Fields = RegimeFields.Members(new UsFederalLineRequest(
                line.GrossWages,
                bonuses.GetValueOrDefault(line.EmployeeId),
                (WithholdingPreTaxDeductions)line.RegimeMembers!["preTaxDeductions"]!,
                line.PostTaxDeductions)),
        }).ToList();
        DemoSeeding.Need(await seeding.Sender.Send(new ReplacePayrollLines(companyId, payrollId, lines), cancellationToken), Slug, "adding the March bonus");
    }

    /// <summary>This year if the withholding tables cover it, else the latest year they do.</summary>
    private static int TaxYear(WithholdingRegimeRegistry regimes, TimeProvider clock)
    {
        var regime = regimes.Get<UsFederalRegime>(UsFederalRegime.RegimeCode);
        var year = clock.GetUtcNow().Year;
        return regime.HasTaxYear(year) ? year : regime.TaxYears.Where(y => y <= year).DefaultIfEmpty(regime.TaxYears.Max()).Max();
    }

    /// <summary>Distinct SSNs of a valid format: area 001-899 but not 666, group 01-99, serial 0001-9999.</summary>
    private static IEnumerable<string> RandomSsns(int count)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (seen.Count < count)
        {
            var area = RandomNumberGenerator.GetInt32(1, 900);
            if (area == 666)
            {
                continue;
            }

            var ssn = string.Create(CultureInfo.InvariantCulture,
                $"{area:000}-{RandomNumberGenerator.GetInt32(1, 100):00}-{RandomNumberGenerator.GetInt32(1, 10_000):0000}");
            if (seen.Add(ssn))
            {
                yield return ssn;
            }
        }
    }

    /// <param name="HireDate">Null for the demo year's mid-January hire.</param>
    /// <param name="RetirementPercent">Pre-tax retirement as a percent of each period's gross.</param>
    /// <param name="HourlyRate">Set for an hourly employee (then <paramref name="AnnualSalary"/> is unused).</param>
    private sealed record DemoEmployee(
        string Number, string FirstName, string LastName, decimal AnnualSalary, WithholdingW4 W4, DateOnly? HireDate,
        decimal? RetirementPercent = null, decimal Cafeteria = 0m, decimal Hsa = 0m, decimal MarchBonus = 0m, decimal? HourlyRate = null)
    {
        public UsCompensationRequest Compensation() => HourlyRate is { } rate
            ? new UsCompensationRequest("hourly", HourlyRate: rate, RetirementPercent: RetirementPercent, Cafeteria: Cafeteria, Hsa: Hsa)
            : new UsCompensationRequest("salary", AnnualSalary: AnnualSalary, RetirementPercent: RetirementPercent, Cafeteria: Cafeteria, Hsa: Hsa);
    }
}
