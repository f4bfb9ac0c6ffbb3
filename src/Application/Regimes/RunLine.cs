using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Schedules;
using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.Application.Regimes;

/// <summary>One employee's line of a run, before the regime turns it into a line input.</summary>
/// <param name="Index">The line's position, for error fields.</param>
/// <param name="Hours">The hours entered for the employee, or null.</param>
public sealed record RunLine(int Index, Employee Employee, ICompensationTerms Terms, SchedulePeriod Period, PayFrequency Frequency, RunHours? Hours);
