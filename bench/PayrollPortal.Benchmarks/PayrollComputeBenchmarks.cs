using BenchmarkDotNet.Attributes;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Withholding.Korea;
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
        var registry = new WithholdingRegimeRegistry([UsFederalRegime.FromEmbeddedTables(), KoreaRegime.FromEmbeddedTables()]);
        var now = DateTimeOffset.UtcNow;
        var usPeople = new Dictionary<Guid, Employee>();
        var krPeople = new Dictionary<Guid, Employee>();
        for (var i = 0; i < Lines; i++)
        {
            var us = Employee.Hire(Guid.Empty, "Emp", $"N{i}", Ssn.Create($"123-45-{1000 + i}").Value!, new DateOnly(2025, 1, 1), null, PayFrequency.Monthly, false,
                new FormW4From2020(i % 2 == 0 ? FilingStatus.Single : FilingStatus.MarriedFilingJointly, Step3Dependents: i % 4 * 500), new DateOnly(2025, 1, 1), now);
            var kr = Employee.HireKorea(Guid.Empty, "직원", $"{i}", ResidentRegistrationNumber.Create($"900101-1{100000 + i}").Value!, new DateOnly(2025, 1, 1), null,
                new KoreaProfile(new DateOnly(2025, 1, 1), 1 + (i % 5), Math.Min(i % 3, i % 5), 100, new KoreaNonTaxableAllowances(200_000, 0, 0)), now);
            usPeople[us.Id] = us;
            krPeople[kr.Id] = kr;
        }

        _us = new PayrollCalculator(new Employees(usPeople), new NoPayrolls(), registry);
        _kr = new PayrollCalculator(new Employees(krPeople), new NoPayrolls(), registry);
        _usLines = [.. usPeople.Keys.Select((id, i) => new PayrollLineRequest(id, 4_000m + (i * 37.5m), SupplementalWages: i % 10 == 0 ? 500m : null))];
        _krLines = [.. krPeople.Keys.Select((id, i) => new PayrollLineRequest(id, null, BasePay: 3_000_000 + (i * 75_000), TaxableAllowances: 100_000, Bonus: i % 10 == 0 ? 500_000 : null))];
    }

    [Benchmark(Baseline = true, Description = "us-federal: compute 50 lines")]
    public async Task<int> UsFederal() =>
        (await _us.ComputeAsync(Guid.Empty, Guid.Empty, new DateOnly(2026, 10, 1), PayDate, PayFrequency.Monthly, _usLines, CancellationToken.None)).Value!.Count;

    [Benchmark(Description = "kr: compute 50 lines")]
    public async Task<int> Korea() =>
        (await _kr.ComputeAsync(Guid.Empty, Guid.Empty, new DateOnly(2026, 10, 1), PayDate, PayFrequency.Monthly, _krLines, CancellationToken.None, KoreaRegime.RegimeCode))
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
    }

    private sealed class NoPayrolls : IPayrollRepository
    {
        public Task<IReadOnlyDictionary<Guid, YearToDate>> GetYearToDateAsync(
            Guid companyId, int taxYear, DateOnly payDate, IReadOnlyCollection<Guid> employeeIds, Guid excludePayrollId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<Guid, YearToDate>>(new Dictionary<Guid, YearToDate>());

        public Task<Payroll?> GetAsync(Guid companyId, Guid id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AddAsync(Payroll payroll, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ReplaceLinesAsync(Payroll payroll, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task UpdateStatusAsync(Payroll payroll, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> FlagForReviewAsync(Payroll changed, string reason, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
