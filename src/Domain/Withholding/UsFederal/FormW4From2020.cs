namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>A Form W-4 from 2020 or later. Steps 3, 4(a) and 4(b) are annual amounts; Step 4(c) is per pay period.</summary>
public sealed record FormW4From2020(
    FilingStatus FilingStatus,
    bool Step2Checkbox = false,
    decimal Step3Dependents = 0m,
    decimal Step4aOtherIncome = 0m,
    decimal Step4bDeductions = 0m,
    decimal Step4cExtraWithholding = 0m,
    bool Exempt = false) : FormW4(Exempt);
