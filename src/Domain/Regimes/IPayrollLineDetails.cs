using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Regimes;

/// <summary>
/// What a regime computed for one payroll line beyond what every line has: its inputs, taxable wages and each tax. Records
/// with value equality, so approval can tell whether a recomputation changed any figure.
/// </summary>
public interface IPayrollLineDetails
{
    /// <summary>Deductions taken before tax (a 401(k) deferral, say); part of the gross, not of the net pay.</summary>
    Money PreTaxDeductions { get; }

    /// <summary>Everything withheld from the employee for taxes and social insurance.</summary>
    Money EmployeeTaxes { get; }
}
