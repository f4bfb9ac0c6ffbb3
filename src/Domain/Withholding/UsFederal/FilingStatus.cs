namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>Step 1(c) of a Form W-4 from 2020 or later.</summary>
public enum FilingStatus
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The IRS term for the filing status.")]
    Single,
    MarriedFilingJointly,
    MarriedFilingSeparately,
    HeadOfHousehold,
    QualifyingSurvivingSpouse,
}
