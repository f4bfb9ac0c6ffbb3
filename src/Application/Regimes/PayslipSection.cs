namespace PayrollPortal.Application.Regimes;

/// <summary>Where an item shows on a payslip, in this order: what was earned, then what was taken off, then the net.</summary>
public enum PayslipSection
{
    /// <summary>Each kind of pay: base or regular pay, allowances, overtime, bonuses, non-taxable allowances.</summary>
    Earnings,

    /// <summary>Deductions taken before tax (a 401(k), a cafeteria plan).</summary>
    PreTaxDeductions,

    /// <summary>Each tax and social insurance premium withheld.</summary>
    Taxes,

    /// <summary>Deductions taken after tax.</summary>
    PostTaxDeductions,
}
