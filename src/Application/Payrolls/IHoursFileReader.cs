using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Payrolls;

/// <summary>
/// Reads an hours file (CSV with the headers <c>employeeId</c> or <c>employeeNumber</c>, <c>regularHours</c> and
/// <c>overtimeHours</c>). Every unreadable row is reported at once, named by its spreadsheet row (the header is row 1), and
/// each row read carries that label so the run's checks name it the same way.
/// </summary>
public interface IHoursFileReader
{
    Task<Result<IReadOnlyList<HoursRow?>>> ReadAsync(Stream csv, CancellationToken cancellationToken);
}
