namespace PayrollPortal.Domain.Withholding.Korea;

/// <summary>The employee's six monthly deductions in whole KRW, with what they were figured on and how.</summary>
public sealed record KoreaWithholding(
    long NationalPension,
    long HealthInsurance,
    long LongTermCare,
    long EmploymentInsurance,
    long IncomeTax,
    long LocalIncomeTax,
    long TaxablePay,
    long NonTaxablePay,
    KoreaTrace Trace)
{
    public long Total => NationalPension + HealthInsurance + LongTermCare + EmploymentInsurance + IncomeTax + LocalIncomeTax;
}

/// <summary>Every intermediate figure, so a payslip can be checked by hand.</summary>
public sealed record KoreaTrace(
    string Figures,
    long PensionBase,
    long PensionBoundMin,
    long PensionBoundMax,
    string PensionRate,
    string HealthEmployeeRate,
    long HealthBeforeBounds,
    long HealthFloor,
    long HealthCap,
    string LongTermCareRatio,
    string EmploymentRate,
    string TaxMethod,
    long? TableRowFromThousands,
    long? TableRowToThousands,
    long TaxBeforeChildren,
    long ChildAmount,
    int WithholdingRatio,
    long TaxAfterRatio,
    bool BelowMinimum,
    string LocalIncomeTaxRate);
