namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>One entry of an employee's W-4 history: the form in effect from <see cref="EffectiveDate"/> until the next entry.</summary>
public sealed record EmployeeW4(DateOnly EffectiveDate, FormW4 Form);
