namespace PayrollPortal.Domain.Withholding.UsFederal.States;

/// <summary>
/// An employee's state withholding certificate, as the state's own form asks for it. Each jurisdiction reads the fields
/// its publication defines and ignores the others (the trace says which were ignored).
/// </summary>
/// <param name="FilingStatus">The jurisdiction's own code, as the reference spells it (<c>married_joint</c>, <c>rate_a</c>, <c>m</c>).</param>
/// <param name="Allowances">Allowances, exemptions or dependents: what the count means is the jurisdiction's.</param>
/// <param name="SecondaryAllowances">A second kind of count where the form has one (CA estimated deductions, IL line 2, VA age/blind).</param>
/// <param name="ElectedRate">Arizona's A-4 election; absent means the employer default.</param>
/// <param name="ElectedAnnualAmount">Iowa's allowance dollars (a tax credit) or Mississippi's total exemption (a wage reduction).</param>
/// <param name="Exemptions">Indiana's WH-4 counts by kind.</param>
/// <param name="RateSchedule">Maryland's schedule: the county rate (<c>"0.0320"</c>) or <c>"md_resident_in_de"</c>.</param>
public sealed record StateCertificate(
    string? FilingStatus = null,
    int Allowances = 0,
    int SecondaryAllowances = 0,
    decimal AdditionalWithholding = 0m,
    decimal? ElectedRate = null,
    decimal? ElectedAnnualAmount = null,
    IndianaExemptions? Exemptions = null,
    string? RateSchedule = null,
    bool MdResidentInDe = false)
{
    public static readonly StateCertificate Empty = new();
}

/// <summary>Indiana WH-4 lines 5-8.</summary>
public sealed record IndianaExemptions(int Personal = 0, int Dependent = 0, int FirstTimeDependent = 0, int Adopted = 0);
