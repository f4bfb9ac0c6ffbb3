namespace PayrollPortal.Application.Regimes;

/// <summary>
/// One line's inputs as its regime read them (wages, deductions, allowances), kept so approval can recompute the line from
/// what was stored. Only the regime that made it looks inside.
/// </summary>
public interface ILineInput;
