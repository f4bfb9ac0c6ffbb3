namespace PayrollPortal.Application.Exports;

/// <summary>Reads the register's rows from the database as a stream, never as a list.</summary>
public interface IPayrollRegisterSource
{
    /// <summary>
    /// The lines of the scope ordered by pay date, payroll and line number: the one payroll (whatever its status; the caller
    /// decides whether it may be exported), or the company's approved payrolls paid in the month or quarter.
    /// </summary>
    IAsyncEnumerable<PayrollRegisterRow> ReadAsync(Guid companyId, ExportScope scope, CancellationToken cancellationToken);

    /// <summary>The same lines of a kr company, with the amounts of <see cref="RegisterColumns.Korea"/> in whole KRW.</summary>
    IAsyncEnumerable<PayrollRegisterRow> ReadKoreaAsync(Guid companyId, ExportScope scope, CancellationToken cancellationToken);

    /// <summary>The status (<c>draft</c>, <c>approved</c>, <c>voided</c>) and pay date of one of the company's payrolls, or null.</summary>
    Task<(string Status, DateOnly PayDate)?> FindPayrollAsync(Guid companyId, Guid payrollId, CancellationToken cancellationToken);
}
