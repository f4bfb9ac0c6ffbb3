namespace PayrollPortal.Application.Payrolls;

/// <summary>A payroll in a list: everything but the lines.</summary>
public sealed record PayrollSummaryDto(
    Guid Id,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly PayDate,
    string PayFrequency,
    string Status,
    bool NeedsReview,
    PayrollTotalsDto Totals,
    DateTimeOffset CreatedAt);
