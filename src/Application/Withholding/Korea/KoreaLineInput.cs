using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <param name="NonTaxable">The allowances the line sent, or null for the profile's monthly ones.</param>
/// <param name="PremiumMonth">A run's month of hire or leaving (<see cref="KoreaPremiumMonth"/>); null for a line typed by hand.</param>
public sealed record KoreaLineInput(
    long BasePay, long TaxableAllowances, long Bonus, KoreaNonTaxableAllowances? NonTaxable, Money PostTaxDeductions, KoreaPremiumMonth? PremiumMonth = null)
    : ILineInput;
