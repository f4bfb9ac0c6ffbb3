namespace PayrollPortal.Domain.Withholding.UsFederal.States;

/// <summary>
/// One entry of an employee's state history: the work state and its withholding certificate from
/// <see cref="EffectiveDate"/> until the next entry. A null <see cref="WorkState"/> means no state withholding from then on.
/// </summary>
public sealed record EmployeeStateCertificate(DateOnly EffectiveDate, string? WorkState, StateCertificate Certificate);
