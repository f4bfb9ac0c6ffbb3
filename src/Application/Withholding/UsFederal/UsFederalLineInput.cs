using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>A us-federal line's inputs in cents.</summary>
public sealed record UsFederalLineInput(Money GrossWages, Money SupplementalWages, Money Retirement, Money Cafeteria, Money Hsa, Money PostTaxDeductions)
    : ILineInput;
