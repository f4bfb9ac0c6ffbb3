namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>One employee's pay for one pay period, with everything Worksheet 1A and FICA need.</summary>
/// <param name="GrossWages">Regular wages this period, before pre-tax deductions.</param>
/// <param name="SupplementalWages">Bonuses, commissions and the like paid this period, withheld at the flat supplemental rates.</param>
public sealed record UsFederalWithholdingInput(
    int TaxYear,
    PayFrequency PayFrequency,
    decimal GrossWages,
    FormW4 W4,
    decimal SupplementalWages = 0m,
    PreTaxDeductions PreTaxDeductions = default,
    YearToDateWages YearToDate = default);
