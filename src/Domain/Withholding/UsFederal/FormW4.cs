namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>
/// The employee's withholding certificate. The 2020 redesign changed the worksheet itself, so each revision
/// is its own type and the engine cannot mix their fields up. Exempt is allowed on both.
/// </summary>
public abstract record FormW4(bool Exempt);
