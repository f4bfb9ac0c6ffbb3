using PayrollPortal.Application.Common;
using PayrollPortal.Application.Employees;
using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Infrastructure.Persistence.Payrolls;

internal sealed class PayrollRow
{
    public const string Columns =
        "id AS Id, company_id AS CompanyId, regime AS Regime, period_start AS PeriodStart, period_end AS PeriodEnd, pay_date AS PayDate, pay_frequency AS PayFrequency, " +
        "status AS Status, needs_review AS NeedsReview, review_reason AS ReviewReason, void_reason AS VoidReason, approved_at AS ApprovedAt, " +
        "voided_at AS VoidedAt, created_at AS CreatedAt, updated_at AS UpdatedAt, pay_schedule_id AS PayScheduleId, off_cycle AS OffCycle, " +
        "off_cycle_reason AS OffCycleReason";

    public Guid Id { get; init; }

    public Guid CompanyId { get; init; }

    public string Regime { get; init; } = string.Empty;

    public DateOnly PeriodStart { get; init; }

    public DateOnly PeriodEnd { get; init; }

    public DateOnly PayDate { get; init; }

    public string PayFrequency { get; init; } = string.Empty;

    public string Status { get; init; } = string.Empty;

    public bool NeedsReview { get; init; }

    public string? ReviewReason { get; init; }

    public string? VoidReason { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    public DateTimeOffset? VoidedAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public Guid? PayScheduleId { get; init; }

    public bool OffCycle { get; init; }

    public string? OffCycleReason { get; init; }

    public static PayrollStatus ParseStatus(string status) => status switch
    {
        "draft" => PayrollStatus.Draft,
        "approved" => PayrollStatus.Approved,
        "voided" => PayrollStatus.Voided,
        _ => throw new InvalidOperationException($"Unknown payroll status '{status}' in the database."),
    };

    public Payroll ToDomain(IEnumerable<PayrollLine> lines) => new Payroll(
        Id, CompanyId, Regime, PeriodStart, PeriodEnd, PayDate, EnumText.ParsePayFrequency(PayFrequency), ParseStatus(Status), lines, NeedsReview,
        ReviewReason, VoidReason, ApprovedAt, VoidedAt, CreatedAt, UpdatedAt).ForSchedule(PayScheduleId).AsOffCycle(OffCycle, OffCycleReason);
}
