namespace PayrollPortal.Application.Compensation;

/// <summary>An employee's compensation history, newest effective date first.</summary>
public sealed record CompensationHistoryDto(Guid EmployeeId, IReadOnlyList<CompensationDto> Items);
