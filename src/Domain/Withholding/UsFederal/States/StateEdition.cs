namespace PayrollPortal.Domain.Withholding.UsFederal.States;

/// <summary>Where a parameter file's figures come from: the state's publication, its address and when it was read.</summary>
/// <param name="TranscribedFrom">The public dataset file the figures were checked against, when there is one.</param>
public sealed record StateCitation(string Publication, string? Url, string Retrieved, string? Sha256, string? TranscribedFrom);

/// <summary>
/// One jurisdiction's parameters for a span of pay dates (one embedded file), with the method that reads them.
/// <see cref="EffectiveTo"/> null means open: in force until a later edition starts.
/// </summary>
public sealed record StateEdition(
    string Source,
    string Jurisdiction,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    StateCitation Citation,
    string MethodName,
    IReadOnlyList<string> FilingStatuses,
    string? DefaultFilingStatus,
    StateTaxability Taxability,
    decimal FinalRounding,
    IStateMethod Method)
{
    public bool TaxesWages => Method is not Methods.NoTaxMethod;

    public bool Covers(DateOnly payDate) => payDate >= EffectiveFrom && (EffectiveTo is not { } to || payDate <= to);
}

/// <summary>Which pre-tax deductions the state still taxes (PA keeps 401(k) deferrals in; CA and NJ keep HSA contributions in).</summary>
[Flags]
public enum StateTaxability
{
    AllExcluded = 0,
    RetirementTaxed = 1,
    CafeteriaTaxed = 2,
    HsaTaxed = 4,
}
