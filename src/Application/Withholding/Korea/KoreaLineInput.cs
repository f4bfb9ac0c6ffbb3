using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <param name="NonTaxable">The allowances the line sent, or null for the profile's monthly ones.</param>
public sealed record KoreaLineInput(long BasePay, long TaxableAllowances, long Bonus, KoreaNonTaxableAllowances? NonTaxable, Money PostTaxDeductions) : ILineInput;
