using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Application.Regimes;

/// <summary>
/// A regime's payslip (optional): its labels, how the employer and the employee are identified on it, and every item of
/// a line, each with the amount the line stores. A regime without it gets a plain payslip of the figures every regime has.
/// </summary>
public interface IPayslips : IRegimePart
{
    PayslipLabels Labels { get; }

    /// <summary>The employer's identifier as printed (an EIN, a business registration number), if the company has one.</summary>
    string? EmployerIdentifier(CompanyDto company);

    /// <summary>How the employee is identified besides the name (never a full national identifier): label and value.</summary>
    (string Label, string Value)? EmployeeIdentifier(PayrollLine line, string? employeeNumber);

    /// <summary>
    /// Every item of the line. The earnings add up to the line's gross and supplemental wages, and the other sections to
    /// what the line takes off, so that earnings less deductions is the line's net pay.
    /// </summary>
    IReadOnlyList<PayslipItem> Items(PayrollLine line);
}
