namespace PayrollPortal.Application.Periods;

/// <summary>
/// One company's month on the closing dashboard: <c>closed</c>, <c>in_progress</c> or <c>none</c> (see
/// <see cref="PeriodDto"/>), how many payrolls are paid in it (voided ones not counted), and when it last changed.
/// </summary>
public sealed record ClosingDto(Guid CompanyId, string CompanyName, string Month, string Status, int Payrolls, DateTimeOffset? UpdatedAt);
