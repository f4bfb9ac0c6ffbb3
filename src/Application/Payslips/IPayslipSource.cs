namespace PayrollPortal.Application.Payslips;

/// <summary>What a payslip needs beyond the payroll itself: which approved payrolls count toward its year to date, and employee numbers.</summary>
public interface IPayslipSource
{
    /// <summary>
    /// The company's approved payrolls of <paramref name="taxYear"/> paid before <paramref name="payDate"/>, or on it and
    /// approved before <paramref name="approvedAt"/> (every one paid on it when null: a draft would be approved later),
    /// without <paramref name="payrollId"/>; only those with a line for <paramref name="employeeId"/> when it is given.
    /// In pay-date and approval order.
    /// </summary>
    Task<IReadOnlyList<Guid>> EarlierPayrollsAsync(
        Guid companyId, Guid payrollId, int taxYear, DateOnly payDate, DateTimeOffset? approvedAt, Guid? employeeId, CancellationToken cancellationToken);

    /// <summary>The approved lines of each bound employee record (company → employee), newest pay date first.</summary>
    Task<IReadOnlyList<MyPayslipRow>> MyPayslipsAsync(IReadOnlyDictionary<Guid, Guid> bindings, CancellationToken cancellationToken);

    /// <summary>
    /// The employees with a line in the payroll (all of them, or the one given) as a payslip identifies them: the employee
    /// number, if any, and the national identifier as stored (encrypted), which is decrypted only when the regime's payslip
    /// asks for it.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, PayslipIdentity>> IdentitiesAsync(Guid companyId, Guid payrollId, Guid? employeeId, CancellationToken cancellationToken);
}
