using PayrollPortal.Application.Common;
using System.Text.Json.Serialization;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Application.Payrolls;

/// <summary>A payroll with its lines. Amounts are in the regime's currency: two decimals for USD, integers for KRW.</summary>
public sealed record PayrollDto(
    Guid Id,
    Guid CompanyId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly PayDate,
    int TaxYear,
    string PayFrequency,
    string Status,
    bool NeedsReview,
    string? ReviewReason,
    string? VoidReason,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? VoidedAt,
    PayrollTotalsDto Totals,
    IReadOnlyList<PayrollLineDto> Lines,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Regime,
    string Currency)
{
    /// <summary>The regime's own members, serialised inline.</summary>
    [JsonExtensionData]
    public IDictionary<string, object?>? RegimeMembers { get; init; }

    /// <summary>The schedule whose period a run paid; null for a payroll posted by hand.</summary>
    public Guid? PayScheduleId { get; init; }

    public bool OffCycle { get; init; }

    public string? OffCycleReason { get; init; }

    public static PayrollDto From(Payroll payroll, IPayrollLines regime)
    {
        var members = new RegimeMembers();
        return new(
            payroll.Id,
            payroll.CompanyId,
            payroll.PeriodStart,
            payroll.PeriodEnd,
            payroll.PayDate,
            payroll.TaxYear,
            EnumText.ToText(payroll.PayFrequency),
            EnumText.ToText(payroll.Status),
            payroll.NeedsReview,
            payroll.ReviewReason,
            payroll.VoidReason,
            payroll.ApprovedAt,
            payroll.VoidedAt,
            PayrollTotalsDto.From(payroll.Lines, regime, members),
            [.. payroll.Lines.Select(l => PayrollLineDto.From(l, regime))],
            payroll.CreatedAt,
            payroll.UpdatedAt,
            payroll.Regime,
            regime.Currency.Code)
        {
            RegimeMembers = members,
            PayScheduleId = payroll.PayScheduleId,
            OffCycle = payroll.OffCycle,
            OffCycleReason = payroll.OffCycleReason,
        };
    }
}
