namespace PayrollPortal.Application.Regimes;

/// <summary>
/// A regime's year-to-date figures per employee from the company's approved payrolls (wage bases, for one). Optional: a
/// regime without year-to-date rules registers none.
/// </summary>
public interface IYearToDateSource : IRegimePart
{
    /// <summary>Figures of approved payrolls in <paramref name="taxYear"/> paid on or before <paramref name="payDate"/>, without <paramref name="excludePayrollId"/>.</summary>
    Task<IReadOnlyDictionary<Guid, object>> LoadAsync(
        Guid companyId, int taxYear, DateOnly payDate, IReadOnlyCollection<Guid> employeeIds, Guid excludePayrollId, CancellationToken cancellationToken);
}
