namespace PayrollPortal.Application.Exports;

/// <summary>Reads the register's rows from the database as a stream, never as a list.</summary>
public interface IPayrollRegisterSource
{
    /// <summary>
    /// The lines of the scope ordered by pay date, payroll and line number: the one payroll (whatever its status; the caller
    /// decides whether it may be exported), or the company's approved payrolls paid in the month or quarter.
    /// </summary>
    /// <remarks>The amounts are minor units in the order of the <paramref name="regime"/>'s <see cref="RegisterColumns.MoneyColumns"/>.</remarks>
    IAsyncEnumerable<PayrollRegisterRow> ReadAsync(Guid companyId, string regime, ExportScope scope, CancellationToken cancellationToken);

    /// <summary>The status (<c>draft</c>, <c>approved</c>, <c>voided</c>) and pay date of one of the company's payrolls, or null.</summary>
    Task<(string Status, DateOnly PayDate)?> FindPayrollAsync(Guid companyId, Guid payrollId, CancellationToken cancellationToken);
}
