namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// The Form W-4 as the preview request sends it. <see cref="Version"/> "2020" (or any later year) uses the filing status and
/// Steps 2-4; "2019" (or earlier) uses the marital status, allowances and extra withholding.
/// </summary>
public sealed record WithholdingW4(
    string? Version,
    string? FilingStatus = null,
    bool? Step2Checkbox = null,
    decimal? Step3Dependents = null,
    decimal? Step4aOtherIncome = null,
    decimal? Step4bDeductions = null,
    decimal? Step4cExtraWithholding = null,
    string? MaritalStatus = null,
    int? Allowances = null,
    decimal? ExtraWithholding = null,
    bool? Exempt = null);
