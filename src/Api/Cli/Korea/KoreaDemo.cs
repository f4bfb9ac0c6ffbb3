using System.Globalization;
using System.Security.Cryptography;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Compensation;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Schedules;
using PayrollPortal.Application.Withholding.Korea;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Api.Cli.Korea;

/// <summary>
/// The kr demo company, for the origin's Korean users: five employees with 식대 (meals, 200,000 won a month) in their
/// profiles, a monthly schedule paid on the 25th (the business day before when the 25th is a weekend or holiday), monthly
/// base pay records, one hire on February 16 (February prorated by calendar days, 일할계산, with the acquisition month's
/// premiums), and three approved months, January to March, started as pay runs.
/// </summary>
internal sealed class KoreaDemo : IDemoCompany
{
    public const int PayrollCount = 3;

    private static readonly DemoEmployee[] Staff =
    [
        new("M-001", "민준", "김", 3_000_000, 0, new KoreaProfileDto(1, 0, 100, new KoreaNonTaxableDto(Meals: 200_000)), new DateOnly(2022, 3, 2)),
        new("M-002", "서연", "이", 4_200_000, 300_000, new KoreaProfileDto(3, 1, 100, new KoreaNonTaxableDto(Meals: 200_000, CarAllowance: 200_000)), new DateOnly(2019, 7, 1)),
        new("M-003", "지훈", "박", 5_500_000, 0, new KoreaProfileDto(4, 2, 120, new KoreaNonTaxableDto(Meals: 200_000)), new DateOnly(2015, 1, 5)),
        new("M-004", "수아", "최", 2_800_000, 100_000, new KoreaProfileDto(1, 0, 80, new KoreaNonTaxableDto(Meals: 200_000)), new DateOnly(2024, 9, 2)),
        // Hired on February 16 of the demo year: not in January's run, February paid for 13 of its 28 days.
        new("M-005", "하준", "정", 3_300_000, 0, new KoreaProfileDto(1, 0, 100, new KoreaNonTaxableDto(Meals: 200_000)), null),
    ];

    public string Slug => "demo-kr";

    public string Name => "데모상사 Demo Korea Co. (sample data)";

    public async Task<string> SeedAsync(DemoSeeding seeding, CancellationToken cancellationToken)
    {
        var sender = seeding.Sender;
        var year = TaxYear(seeding.Services.GetRequiredService<WithholdingRegimeRegistry>(), seeding.Services.GetRequiredService<TimeProvider>());
        var company = DemoSeeding.Need(
            await sender.Send(new CreateCompany(Name, Slug, null, KoreaRegime.RegimeCode), cancellationToken), Slug, DemoSeeding.CreatingTheCompany);
        await seeding.WriteLineAsync($"company: {Name} ({Slug}) {company.Id}");

        var schedule = DemoSeeding.Need(
            await sender.Send(new CreatePaySchedule(company.Id, "매월 25일 Monthly, 25th", "monthly", new DateOnly(year, 1, 1), null, 25, false), cancellationToken),
            Slug, "creating the schedule");
        await seeding.WriteLineAsync($"schedule: {schedule.Name} {schedule.Id}");

        var count = 0;
        foreach (var (person, rrn) in Staff.Zip(RandomRrns(Staff.Length)))
        {
            var hired = person.HireDate ?? new DateOnly(year, 2, 16);
            var who = $"{person.LastName}{person.FirstName}";
            var created = DemoSeeding.Need(await sender.Send(
                new CreateEmployee(company.Id, person.FirstName, person.LastName, hired, null)
                {
                    Fields = RegimeFields.Members(new { residentRegistrationNumber = rrn, kr = person.Profile }),
                    EmployeeNumber = person.Number,
                    PayScheduleId = schedule.Id,
                },
                cancellationToken), Slug, $"creating employee {who}");
            DemoSeeding.Need(await sender.Send(
                new AddCompensation(company.Id, created.Id, hired)
                {
                    Fields = RegimeFields.Members(new KoreaCompensationRequest(KoreaCompensationTerms.Monthly, person.MonthlyBase, person.TaxableAllowances)),
                },
                cancellationToken), Slug, $"recording the pay of {who}");
            count++;
            await seeding.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"employee: {person.Number} {who} {created.SsnMasked}, hired {hired:yyyy-MM-dd}, 기본급 {person.MonthlyBase:#,0}, 식대 {person.Profile.NonTaxable!.Meals:#,0} {created.Id}"));
        }

        for (var month = 1; month <= PayrollCount; month++)
        {
            var start = new DateOnly(year, month, 1);
            var run = DemoSeeding.Need(await sender.Send(new StartPayRun(company.Id, schedule.Id, start, null), cancellationToken), Slug, $"starting the run of {start:yyyy-MM}");
            var approved = DemoSeeding.Need(await sender.Send(new ApprovePayroll(company.Id, run.Id), cancellationToken), Slug, $"approving the payroll of {start:yyyy-MM}");
            var totals = approved.Totals;
            await seeding.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"payroll: {start:yyyy-MM} paid {approved.PayDate:yyyy-MM-dd} approved, {totals.LineCount} lines, gross {totals.GrossWages:#,0} KRW, net pay {totals.NetPay:#,0} KRW {approved.Id}"));
        }

        return $"seeded {Slug}: {count} employees, {PayrollCount} approved monthly payrolls in {year}; company id {company.Id}";
    }

    /// <summary>This year if the kr tables cover it, else the latest year they do.</summary>
    private static int TaxYear(WithholdingRegimeRegistry regimes, TimeProvider clock)
    {
        var regime = regimes.Get<KoreaRegime>(KoreaRegime.RegimeCode);
        var year = clock.GetUtcNow().Year;
        return regime.HasYear(year) ? year : regime.TaxYears.Where(y => y <= year).DefaultIfEmpty(regime.TaxYears.Max()).Max();
    }

    /// <summary>Distinct 주민등록번호 of a valid format: a birth date from 1970 to 1999 and 1 or 2 (born in the 1900s).</summary>
    private static IEnumerable<string> RandomRrns(int count)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (seen.Count < count)
        {
            var born = new DateOnly(1970, 1, 1).AddDays(RandomNumberGenerator.GetInt32(0, 30 * 365));
            var rrn = string.Create(CultureInfo.InvariantCulture,
                $"{born:yyMMdd}-{RandomNumberGenerator.GetInt32(1, 3)}{RandomNumberGenerator.GetInt32(0, 1_000_000):000000}");
            if (seen.Add(rrn))
            {
                yield return rrn;
            }
        }
    }

    /// <param name="HireDate">Null for the demo year's mid-February hire.</param>
    private sealed record DemoEmployee(
        string Number, string FirstName, string LastName, long MonthlyBase, long TaxableAllowances, KoreaProfileDto Profile, DateOnly? HireDate);
}
