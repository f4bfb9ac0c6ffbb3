using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Application.Payrolls;

/// <summary>How a generated line's pay was made: pay type, hours and rate, and the proration factor with its days.</summary>
public sealed record LineEarningsDto(
    string PayType,
    decimal? RegularHours,
    decimal? OvertimeHours,
    decimal? HourlyRate,
    decimal? ProrationFactor,
    int? DaysEmployed,
    int? DaysInPeriod,
    string? ProrationBasis,
    string? InsuranceMonth)
{
    public static LineEarningsDto? From(LineEarnings? e, Currency currency) => e is null
        ? null
        : new(e.PayType, e.RegularHours, e.OvertimeHours, e.Rate is { } rate ? currency.ToAmount(new Money(rate)) : null, e.ProrationFactor,
            e.DaysEmployed, e.DaysInPeriod, e.ProrationBasis, e.InsuranceMonth);
}
