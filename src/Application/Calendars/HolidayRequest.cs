namespace PayrollPortal.Application.Calendars;

public sealed record HolidayRequest(DateOnly? Date, string? Name);
