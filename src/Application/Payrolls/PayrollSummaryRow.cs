using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Payrolls;

/// <summary>A payroll in a list as stored: sums in minor units, the regime's own sums by their member name in <c>totals</c>.</summary>
public sealed record PayrollSummaryRow(
    Guid Id,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly PayDate,
    string PayFrequency,
    string Status,
    bool NeedsReview,
    DateTimeOffset CreatedAt,
    int LineCount,
    Money GrossWages,
    Money SupplementalWages,
    Money PostTaxDeductions,
    Money NetPay,
    IReadOnlyDictionary<string, Money> RegimeSums)
{
    public PayrollSummaryDto ToDto(Currency currency) => new(
        Id, PeriodStart, PeriodEnd, PayDate, PayFrequency, Status, NeedsReview,
        new PayrollTotalsDto(LineCount, currency.ToAmount(GrossWages), currency.ToAmount(SupplementalWages), currency.ToAmount(PostTaxDeductions), currency.ToAmount(NetPay))
        {
            RegimeMembers = RegimeSums.ToDictionary(s => s.Key, s => (object?)currency.ToAmount(s.Value)),
        },
        CreatedAt);
}
