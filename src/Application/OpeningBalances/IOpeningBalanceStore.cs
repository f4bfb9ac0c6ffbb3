namespace PayrollPortal.Application.OpeningBalances;

/// <summary>Opening balances (<c>opening_balances</c>), every correction kept.</summary>
public interface IOpeningBalanceStore
{
    Task AddAsync(OpeningBalance balance, CancellationToken cancellationToken);

    /// <summary>The records that count (<see cref="OpeningBalance.Effective"/>) of the company's tax year, for these employees or all.</summary>
    Task<IReadOnlyList<OpeningBalance>> EffectiveAsync(Guid companyId, int taxYear, IReadOnlyCollection<Guid>? employeeIds, CancellationToken cancellationToken);

    /// <summary>The pay date of an approved payroll of the tax year paid after <paramref name="asOf"/> with a line for the employee, if any.</summary>
    Task<DateOnly?> ApprovedPayrollAfterAsync(Guid companyId, Guid employeeId, int taxYear, DateOnly asOf, CancellationToken cancellationToken);
}
