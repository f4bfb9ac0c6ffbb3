namespace PayrollPortal.Domain.Withholding;

/// <summary>The statutory payroll periods (26 U.S.C. 3401(b)); other regimes reuse the subset they know.</summary>
public enum PayFrequency
{
    Weekly,
    Biweekly,
    Semimonthly,
    Monthly,
    Quarterly,
    Semiannual,
    Annual,
    Daily,
}
