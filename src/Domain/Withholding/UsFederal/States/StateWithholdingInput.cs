namespace PayrollPortal.Domain.Withholding.UsFederal.States;

/// <summary>
/// One pay period of one employee for the state engine. Supplemental wages are state wages like any other here: the
/// state supplemental rates are not modelled (docs/WITHHOLDING.md).
/// </summary>
/// <param name="PeriodFederalIncomeTax">This period's federal income tax withheld (AL, OR subtract it).</param>
/// <param name="PeriodFicaWithholding">This period's Social Security and Medicare withheld (MA subtracts it, within a yearly cap).</param>
/// <param name="RetirementDeductionUsedYtd">What MA has already subtracted this year against its cap.</param>
public sealed record StateWithholdingInput(
    string Jurisdiction,
    DateOnly PayDate,
    PayFrequency PayFrequency,
    decimal GrossWages,
    StateCertificate Certificate,
    decimal SupplementalWages = 0m,
    PreTaxDeductions PreTaxDeductions = default,
    decimal PeriodFederalIncomeTax = 0m,
    decimal PeriodFicaWithholding = 0m,
    decimal RetirementDeductionUsedYtd = 0m);
