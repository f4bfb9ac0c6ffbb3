namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>The three schedules Publication 15-T prints; several filing statuses share one.</summary>
public enum FilingStatusTable
{
    MarriedFilingJointly,
    SingleOrMarriedFilingSeparately,
    HeadOfHousehold,
}
