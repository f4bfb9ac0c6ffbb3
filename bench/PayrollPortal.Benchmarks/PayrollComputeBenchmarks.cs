using BenchmarkDotNet.Attributes;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Withholding.Korea;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Benchmarks;

/// <summary>
/// The in-process part of posting a 50-line payroll, us-federal against kr: the production <see cref="PayrollCalculator"/>
/// (profile or W-4 lookup, the regime, line construction, trace JSON) over in-memory repositories, so the database and HTTP,
/// measured in bench/payrolls.sh, are left out.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PayrollComputeBenchmarks
{
    private const int Lines = 50;
    private static readonly DateOnly PayDate = new(2026, 10, 23);

    private PayrollCalculator _us = null!;
    private PayrollCalculator _kr = null!;
    private PayrollLineRequest[] _usLines = null!;
    private PayrollLineRequest[] _krLines = null!;

    [GlobalSetup]
    public void Setup()
    {
        var now = DateTimeOffset.UtcNow;
        var usPeople = new Dictionary<Guid, Employee>();
        var krPeople = new Dictionary<Guid, Employee>();
        for (var i = 0; i < Lines; i++)
        {
            var w4 = new FormW4From2020(i % 2 == 0 ? FilingStatus.Single : FilingStatus.MarriedFilingJointly, Step3Dependents: i % 4 * 500);
            var us = Employee.Hire(Guid.Empty, "Emp", $"N{i}", $"{1000 + i}", new DateOnly(2025, 1, 1), null, PayFrequency.Monthly,
                new UsFederalProfile(false, [new EmployeeW4(new DateOnly(2025, 1, 1), w4)]), now);
            var kr = Employee.Hire(Guid.Empty, "직원", $"{i}", $"{1000 + i}", new DateOnly(2025, 1, 1), null, PayFrequency.Monthly,
                new KoreaEmployeeProfile([new KoreaProfile(new DateOnly(2025, 1, 1), 1 + (i % 5), Math.Min(i % 3, i % 5), 100, new KoreaNonTaxableAllowances(200_000, 0, 0))]),
                now);
            usPeople[us.Id] = us;
            krPeople[kr.Id] = kr;
        }

        var lines = new RegimeParts<IPayrollLines>([new UsFederalPayrollLines(UsFederalRegime.FromEmbeddedTables(), PayrollPortal.Domain.Withholding.UsFederal.States.StateWithholdingEngine.FromEmbeddedTables()), new KoreaPayrollLines(KoreaRegime.FromEmbeddedTables())]);
        var noYearToDate = new RegimeParts<IYearToDateSource>([]);
        _us = new PayrollCalculator(new Employees(usPeople), lines, noYearToDate);
        _kr = new PayrollCalculator(new Employees(krPeople), lines, noYearToDate);
        _usLines = [.. usPeople.Keys.Select((id, i) => new PayrollLineRequest(id)
        {
            Fields = RegimeFields.Members(new UsFederalLineRequest(4_000m + (i * 37.5m), SupplementalWages: i % 10 == 0 ? 500m : null)),
        })];
        _krLines = [.. krPeople.Keys.Select((id, i) => new PayrollLineRequest(id)
        {
            Fields = RegimeFields.Members(new KoreaLineRequest(BasePay: 3_000_000 + (i * 75_000), TaxableAllowances: 100_000, Bonus: i % 10 == 0 ? 500_000 : null)),
        })];
    }

    [Benchmark(Baseline = true, Description = "us-federal: compute 50 lines")]
    public async Task<int> UsFederal() =>
        (await _us.ComputeAsync(UsFederalRegime.RegimeCode, Guid.Empty, Guid.Empty, new DateOnly(2026, 10, 1), null, PayDate, PayFrequency.Monthly, _usLines, CancellationToken.None))
        .Value!.Count;

    [Benchmark(Description = "kr: compute 50 lines")]
    public async Task<int> Korea() =>
        (await _kr.ComputeAsync(KoreaRegime.RegimeCode, Guid.Empty, Guid.Empty, new DateOnly(2026, 10, 1), null, PayDate, PayFrequency.Monthly, _krLines, CancellationToken.None))
        .Value!.Count;

    private sealed class Employees(Dictionary<Guid, Employee> people) : IEmployeeRepository
    {
        public Task<Employee?> GetAsync(Guid companyId, Guid id, CancellationToken cancellationToken) => Task.FromResult(people.GetValueOrDefault(id));

        public Task<IReadOnlyDictionary<Guid, Employee>> GetManyAsync(Guid companyId, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<Guid, Employee>>(people);

        public Task<bool> SsnExistsAsync(Guid companyId, IReadOnlyList<string> blindIndexes, Guid? exceptEmployeeId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<bool> TryAddAsync(Employee employee, ProtectedSsn ssn, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task UpdateAsync(Employee employee, ProtectedSsn? ssn, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> NumberTakenAsync(Guid companyId, string employeeNumber, Guid? exceptEmployeeId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, Guid>> IdsByNumberAsync(Guid companyId, IReadOnlyCollection<string> employeeNumbers, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<Employee>> OnScheduleAsync(
            Guid companyId, Guid payScheduleId, DateOnly periodStart, DateOnly periodEnd, Employee? after, int take, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
