namespace PayrollPortal.Application.Schedules;

public sealed record SchedulePeriodsDto(Guid ScheduleId, string Name, string Frequency, IReadOnlyList<SchedulePeriodDto> Items);
