namespace PayrollPortal.Application.Payrolls;

/// <summary>A started run: the draft payroll's head and totals; its lines page through <c>GET .../payrolls/{id}/lines</c>.</summary>
public sealed record PayRunDto(
    Guid Id,
    string Status,
    Guid PayScheduleId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly PayDate,
    int LineCount,
    PayrollTotalsDto Totals);
