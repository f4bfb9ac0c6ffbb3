namespace PayrollPortal.Application.Calendars;

/// <summary>A company's holiday list, in date order.</summary>
public sealed record HolidaysDto(Guid CompanyId, IReadOnlyList<HolidayDto> Holidays);
