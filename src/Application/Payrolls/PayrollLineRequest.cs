using PayrollPortal.Application.Withholding;
using PayrollPortal.Application.Withholding.Korea;

namespace PayrollPortal.Application.Payrolls;

/// <summary>
/// One line as a client posts it. Amounts are per pay period; anything left out is zero. A us-federal line has
/// <see cref="GrossWages"/>; a kr line has <see cref="BasePay"/>, <see cref="TaxableAllowances"/>, <see cref="Bonus"/> and
/// <see cref="NonTaxable"/> (whole KRW; non-taxable allowances default to the employee's profile).
/// </summary>
public sealed record PayrollLineRequest(
    Guid? EmployeeId,
    decimal? GrossWages,
    decimal? SupplementalWages = null,
    WithholdingPreTaxDeductions? PreTaxDeductions = null,
    decimal? PostTaxDeductions = null,
    decimal? BasePay = null,
    decimal? TaxableAllowances = null,
    decimal? Bonus = null,
    KoreaNonTaxableDto? NonTaxable = null)
{
    public bool IsKoreaShaped => BasePay is not null || TaxableAllowances is not null || Bonus is not null || NonTaxable is not null;
}
