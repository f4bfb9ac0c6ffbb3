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
    /// <param name="nationalId">The employee's national identifier, decrypted only if called (a regime may print the birth
    /// date it holds when the employee has no number); never printed whole.</param>
    (string Label, string Value)? EmployeeIdentifier(PayrollLine line, string? employeeNumber, Func<string> nationalId);

    /// <summary>
    /// Every item of the line. The earnings add up to the line's gross and supplemental wages, and the other sections to
    /// what the line takes off, so that earnings less deductions is the line's net pay.
    /// </summary>
    IReadOnlyList<PayslipItem> Items(PayrollLine line);
}
