using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Payrolls;

public sealed record PayrollLineInputs(
    Money GrossWages,
    Money SupplementalWages,
    Money Retirement,
    Money Cafeteria,
    Money Hsa,
    Money PostTaxDeductions);
