namespace PayrollPortal.Application.Calendars;

public sealed record HolidayDto(DateOnly Date, string Name);
