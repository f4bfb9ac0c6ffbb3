using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.Application.Regimes;

/// <param name="Index">The line's position in the request, for error fields (<c>lines[index]</c>).</param>
/// <param name="YearToDate">What the regime's <see cref="IYearToDateSource"/> loaded for the employee, or null.</param>
public sealed record LineToCompute(int Index, Employee Employee, ILineInput Input, DateOnly PayDate, PayFrequency Frequency, object? YearToDate);
