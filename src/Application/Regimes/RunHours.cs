namespace PayrollPortal.Application.Regimes;

/// <summary>An hourly employee's hours for a period; overtime hours are already counted per workweek by the clerk.</summary>
public sealed record RunHours(decimal RegularHours, decimal OvertimeHours);
