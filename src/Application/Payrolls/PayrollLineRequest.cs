using PayrollPortal.Application.Withholding;

namespace PayrollPortal.Application.Payrolls;

/// <summary>One line as a client posts it. Amounts are per pay period; anything left out is zero.</summary>
public sealed record PayrollLineRequest(
    Guid? EmployeeId,
    decimal? GrossWages,
    decimal? SupplementalWages = null,
    WithholdingPreTaxDeductions? PreTaxDeductions = null,
    decimal? PostTaxDeductions = null);
