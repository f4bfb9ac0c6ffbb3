using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Mediator;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Api.Cli.UsFederal;

/// <summary>
/// <c>payroll seed-demo</c>: a clearly named demo company with a dozen employees (random SSNs of a valid format, 2020 and 2019
/// W-4s) and three approved monthly payrolls, January to March of the current tax year. Everything goes through the same use
/// cases as the API, in one transaction, so every rule applies and a failure leaves nothing behind. Refuses (exit 6) when the
/// demo company already exists.
/// </summary>
internal static class SeedDemoCommand
{
    public const string Slug = "demo-co";
    public const string Name = "Demo Company (sample data)";
    public const int PayrollCount = 3;

    private static readonly DemoEmployee[] Staff =
    [
        new("Maria", "Garcia", 54_000m, new WithholdingW4("2020", "single"), new DateOnly(2021, 3, 15), Retirement: 0.05m),
        new("James", "Smith", 96_000m, new WithholdingW4("2020", "married_filing_jointly", Step3Dependents: 2_000m), new DateOnly(2020, 6, 1), Cafeteria: 150m),
        new("Aiko", "Tanaka", 72_000m, new WithholdingW4("2020", "head_of_household", Step3Dependents: 4_000m), new DateOnly(2022, 1, 10), Hsa: 100m),
        new("Samuel", "Okafor", 120_000m, new WithholdingW4("2020", "married_filing_jointly", Step2Checkbox: true), new DateOnly(2020, 9, 14), Retirement: 0.06m),
        new("Priya", "Patel", 88_000m, new WithholdingW4("2020", "single", Step4aOtherIncome: 5_000m, Step4cExtraWithholding: 50m), new DateOnly(2023, 4, 3)),
        new("Lucas", "Martin", 61_000m, new WithholdingW4("2020", "single", Step4bDeductions: 12_000m), new DateOnly(2024, 2, 19)),
        new("Emma", "Johnson", 78_000m, new WithholdingW4("2019", MaritalStatus: "married", Allowances: 3), new DateOnly(2017, 8, 7), Retirement: 0.04m),
        new("Noah", "Williams", 47_000m, new WithholdingW4("2019", MaritalStatus: "single", Allowances: 1, ExtraWithholding: 25m), new DateOnly(2018, 11, 26)),
        new("Olivia", "Brown", 250_000m, new WithholdingW4("2019", MaritalStatus: "married", Allowances: 0), new DateOnly(2016, 5, 2), Retirement: 0.08m),
        new("Mateo", "Rossi", 30_000m, new WithholdingW4("2020", "single", Exempt: true), new DateOnly(2025, 7, 1)),
        new("Sofia", "Nguyen", 67_000m, new WithholdingW4("2020", "married_filing_separately"), new DateOnly(2021, 10, 18), Cafeteria: 80m),
        new("Ethan", "Clark", 215_000m, new WithholdingW4("2020", "married_filing_jointly", Step3Dependents: 6_000m), new DateOnly(2019, 12, 2), Hsa: 300m, MarchBonus: 10_000m),
    ];

    public static Command Create(CliContext context)
    {
        var command = new Command(
            "seed-demo",
            $"Create the demo company '{Name}' (slug {Slug}) with {Staff.Length} employees and {PayrollCount} approved monthly payrolls " +
            "(January to March of this year). Applies pending migrations first, as the development server does. Exits 6 if it already exists.");
        command.SetAction((_, ct) => DataVerb.RunAsync(context, "seed-demo", migrateLikeTheServer: true, (services, token) => SeedAsync(context, services, token), ct));
        return command;
    }

    private static async Task<int> SeedAsync(CliContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var year = TaxYear(services.GetRequiredService<WithholdingRegimeRegistry>(), services.GetRequiredService<TimeProvider>());

        // One transaction around every command: the unit-of-work behaviour joins it, so the demo appears whole or not at all.
        await session.BeginAsync(cancellationToken);
        var company = await sender.Send(new CreateCompany(Name, Slug, null), cancellationToken);
        if (!company.IsSuccess)
        {
            await session.RollbackAsync(cancellationToken);
            if (company.Errors[0].Type == ErrorType.Conflict)
            {
                await context.Error.WriteLineAsync(
                    $"payroll: seed-demo: the demo company (slug {Slug}) already exists; nothing was changed. Seed an empty database to start again.");
                return CliExitCodes.Refused;
            }

            return await FailedAsync(context, "creating the company", company.Errors);
        }

        var companyId = company.Value!.Id;
        await context.Out.WriteLineAsync($"company: {Name} ({Slug}) {companyId}");

        var employees = new List<(DemoEmployee Person, Guid Id)>();
        foreach (var (person, ssn) in Staff.Zip(RandomSsns(Staff.Length)))
        {
            var created = await sender.Send(
                new CreateEmployee(companyId, person.FirstName, person.LastName, person.HireDate, null)
                {
                    Fields = RegimeFields.Members(new { ssn, payFrequency = "monthly", exempt = false, w4 = person.W4 }),
                },
                cancellationToken);
            if (!created.IsSuccess)
            {
                await session.RollbackAsync(cancellationToken);
                return await FailedAsync(context, $"creating employee {person.FirstName} {person.LastName}", created.Errors);
            }

            employees.Add((person, created.Value!.Id));
            await context.Out.WriteLineAsync(
                $"employee: {person.FirstName} {person.LastName} {created.Value.SsnMasked} W-4 {person.W4.Version} {created.Value.Id}");
        }

        for (var month = 1; month <= PayrollCount; month++)
        {
            var start = new DateOnly(year, month, 1);
            var end = start.AddMonths(1).AddDays(-1);
            var lines = employees.Select(e => e.Person.Line(e.Id, month)).ToArray();
            var draft = await sender.Send(new CreatePayroll(companyId, start, end, end, "monthly", lines), cancellationToken);
            var approved = draft.IsSuccess ? await sender.Send(new ApprovePayroll(companyId, draft.Value!.Id), cancellationToken) : draft;
            if (!approved.IsSuccess)
            {
                await session.RollbackAsync(cancellationToken);
                return await FailedAsync(context, $"posting the payroll of {start:yyyy-MM}", approved.Errors);
            }

            var totals = approved.Value!.Totals;
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"payroll: {start:yyyy-MM} paid {end:yyyy-MM-dd} approved, {totals.LineCount} lines, gross {totals.GrossWages:0.00}, " +
                $"federal income tax {totals.RegimeMembers!["federalIncomeTax"]:0.00}, net pay {totals.NetPay:0.00} {approved.Value.Id}"));
        }

        await session.CommitAsync(cancellationToken);
        await context.Out.WriteLineAsync(
            $"seeded {Slug}: {employees.Count} employees, {PayrollCount} approved monthly payrolls in {year}; company id {companyId}");
        return CliExitCodes.Ok;
    }

    private static async Task<int> FailedAsync(CliContext context, string step, IReadOnlyList<Error> errors)
    {
        await context.Error.WriteLineAsync(
            $"payroll: seed-demo: {step} failed, nothing was saved: {string.Join("; ", errors.Select(e => $"{e.Field ?? e.Code}: {e.Message}"))}");
        return CliExitCodes.Incomplete;
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

    /// <param name="Retirement">A share of gross wages.</param>
    private sealed record DemoEmployee(
        string FirstName, string LastName, decimal AnnualSalary, WithholdingW4 W4, DateOnly HireDate,
        decimal Retirement = 0m, decimal Cafeteria = 0m, decimal Hsa = 0m, decimal MarchBonus = 0m)
    {
        public PayrollLineRequest Line(Guid employeeId, int month)
        {
            var gross = decimal.Round(AnnualSalary / 12m, 2, MidpointRounding.AwayFromZero);
            return new PayrollLineRequest(employeeId)
            {
                Fields = RegimeFields.Members(new UsFederalLineRequest(
                    gross,
                    month == 3 ? MarchBonus : 0m,
                    new WithholdingPreTaxDeductions(decimal.Round(gross * Retirement, 2, MidpointRounding.AwayFromZero), Cafeteria, Hsa),
                    0m)),
            };
        }
    }
}
