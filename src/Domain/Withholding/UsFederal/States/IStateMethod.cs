using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.UsFederal.States;

/// <summary>
/// A state's computation over its parameter file. The engine hands it the period's state-taxable wages and the
/// certificate; it returns the tax for the period rounded as the publication rounds, before additional withholding.
/// </summary>
public interface IStateMethod
{
    /// <summary>The certificate fields and inter-tax figures this method reads; the others are noted as ignored.</summary>
    StateInputs Reads { get; }

    /// <summary>The pay frequencies the publication prints (or the method can annualize to).</summary>
    IReadOnlyList<PayFrequency> Frequencies { get; }

    /// <summary>Errors in the certificate that only this method can judge (an elected rate off the list, a missing schedule).</summary>
    void Validate(StateCertificate certificate, List<Error> errors);

    decimal Calculate(in StateContext context, StateTrace trace);
}

/// <summary>What a method needs for one period.</summary>
public readonly record struct StateContext(
    PayFrequency PayFrequency,
    decimal Wages,
    string? FilingStatus,
    StateCertificate Certificate,
    decimal PeriodFederalIncomeTax,
    decimal PeriodFicaWithholding,
    decimal RetirementDeductionUsedYtd,
    decimal FinalRounding);

[Flags]
public enum StateInputs
{
    None = 0,
    FilingStatus = 1,
    Allowances = 2,
    SecondaryAllowances = 4,
    ElectedRate = 8,
    ElectedAnnualAmount = 16,
    Exemptions = 32,
    RateSchedule = 64,
    MdResidentInDe = 128,
    PeriodFederalIncomeTax = 256,
    PeriodFicaWithholding = 512,
    RetirementDeductionUsedYtd = 1024,
}

/// <summary>Pay periods a year as most publications count them (daily: 260 working days); a file may override daily.</summary>
public static class StatePeriods
{
    public static int Default(PayFrequency frequency) => frequency switch
    {
        PayFrequency.Weekly => 52,
        PayFrequency.Biweekly => 26,
        PayFrequency.Semimonthly => 24,
        PayFrequency.Monthly => 12,
        PayFrequency.Quarterly => 4,
        PayFrequency.Semiannual => 2,
        PayFrequency.Annual => 1,
        PayFrequency.Daily => 260,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency)),
    };

    public static readonly PayFrequency[] All = Enum.GetValues<PayFrequency>();

    public static string Name(PayFrequency frequency) => frequency.ToString().ToLowerInvariant();
}
