using PayrollPortal.Application.Common;
using PayrollPortal.Domain.Schedules;

namespace PayrollPortal.Application.Schedules;

public sealed record PayScheduleDto(
    Guid Id,
    Guid CompanyId,
    string Name,
    string Frequency,
    DateOnly FirstPeriodStart,
    int PayDateOffsetDays,
    int? PayDayOfMonth,
    bool PayInNextMonth,
    int PeriodsPerYear,
    DateTimeOffset CreatedAt)
{
    public static PayScheduleDto From(PaySchedule s) => new(
        s.Id, s.CompanyId, s.Name, EnumText.ToText(s.Frequency), s.FirstPeriodStart, s.PayDateOffsetDays, s.PayDayOfMonth, s.PayInNextMonth,
        PaySchedule.PeriodsPerYear(s.Frequency), s.CreatedAt);
}
