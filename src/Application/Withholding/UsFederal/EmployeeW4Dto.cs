using PayrollPortal.Application.Withholding;

namespace PayrollPortal.Application.Withholding.UsFederal;

public sealed record EmployeeW4Dto(DateOnly EffectiveDate, WithholdingW4 W4);
