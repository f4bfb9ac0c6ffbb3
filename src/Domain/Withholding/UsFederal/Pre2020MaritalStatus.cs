namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>Line 3 of a Form W-4 from 2019 or earlier.</summary>
public enum Pre2020MaritalStatus
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The IRS term for the filing status.")]
    Single,
    Married,
    MarriedHigherSingle,
}
