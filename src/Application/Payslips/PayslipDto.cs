using PayrollPortal.Application.Payrolls;

namespace PayrollPortal.Application.Payslips;

/// <summary>
/// One employee's pay statement for one payroll: the same figures as the stored line, grouped as a payslip prints them,
/// each with its year-to-date total (approved payrolls of the pay date's year paid earlier, or on the same day and approved
/// earlier, plus this one). <see cref="Status"/> is the payroll's; only an approved payroll's payslip is final.
/// </summary>
public sealed record PayslipDto(
    Guid CompanyId,
    Guid PayrollId,
    string Status,
    string Regime,
    string Currency,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly PayDate,
    PayslipEmployerDto Employer,
    PayslipEmployeeDto Employee,
    IReadOnlyList<PayslipSectionDto> Sections,
    PayslipTotalsDto Totals,
    LineEarningsDto? Earnings);
