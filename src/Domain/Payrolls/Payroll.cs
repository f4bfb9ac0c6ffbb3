using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.Domain.Payrolls;

/// <summary>
/// One pay run of a company. A draft is recomputed whenever its lines change; approval freezes it and makes it count toward
/// year-to-date wages; a void takes it back out and flags later payrolls for review instead of silently changing them.
/// </summary>
public sealed class Payroll
{
    private List<PayrollLine> _lines;

    public Payroll(
        Guid id, Guid companyId, string regime, DateOnly periodStart, DateOnly periodEnd, DateOnly payDate, PayFrequency payFrequency, PayrollStatus status,
        IEnumerable<PayrollLine> lines, bool needsReview, string? reviewReason, string? voidReason, DateTimeOffset? approvedAt,
        DateTimeOffset? voidedAt, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Id = id;
        CompanyId = companyId;
        Regime = regime;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        PayDate = payDate;
        PayFrequency = payFrequency;
        Status = status;
        _lines = [.. lines.OrderBy(l => l.LineNumber)];
        NeedsReview = needsReview;
        ReviewReason = reviewReason;
        VoidReason = voidReason;
        ApprovedAt = approvedAt;
        VoidedAt = voidedAt;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public Guid Id { get; }

    public Guid CompanyId { get; }

    /// <summary>The code of the company's withholding regime, which computed the lines; stored with the payroll.</summary>
    public string Regime { get; }

    public DateOnly PeriodStart { get; }

    public DateOnly PeriodEnd { get; }

    public DateOnly PayDate { get; }

    /// <summary>The tax year is the pay date's year (wages are taxed when paid).</summary>
    public int TaxYear => PayDate.Year;

    public PayFrequency PayFrequency { get; }

    public PayrollStatus Status { get; private set; }

    public IReadOnlyList<PayrollLine> Lines => _lines;

    public bool NeedsReview { get; private set; }

    public string? ReviewReason { get; private set; }

    public string? VoidReason { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public DateTimeOffset? VoidedAt { get; private set; }

    /// <summary>The schedule whose period this payroll pays, for a payroll a run started; null for one posted by hand.</summary>
    public Guid? PayScheduleId { get; private set; }

    /// <summary>A bonus or correction run outside the schedule: it never stands for a schedule's period.</summary>
    public bool OffCycle { get; private set; }

    public string? OffCycleReason { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Payroll Draft(
        Guid companyId, string regime, DateOnly periodStart, DateOnly periodEnd, DateOnly payDate, PayFrequency payFrequency, IEnumerable<PayrollLine> lines,
        DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), companyId, regime, periodStart, periodEnd, payDate, payFrequency, PayrollStatus.Draft, lines, false, null, null, null, null, now, now);

    /// <summary>Marks the payroll as the run of a schedule's period (a new draft, or one read back from storage).</summary>
    public Payroll ForSchedule(Guid? payScheduleId)
    {
        PayScheduleId = payScheduleId;
        return this;
    }

    /// <summary>Marks the payroll as an off-cycle run with its reason (a new draft, or one read back from storage).</summary>
    public Payroll AsOffCycle(bool offCycle, string? reason)
    {
        OffCycle = offCycle;
        OffCycleReason = offCycle ? reason?.Trim() : null;
        return this;
    }

    public Result<Payroll> ReplaceLines(IEnumerable<PayrollLine> lines, DateTimeOffset now)
    {
        if (Status != PayrollStatus.Draft)
        {
            return PayrollErrors.NotDraft;
        }

        _lines = [.. lines.OrderBy(l => l.LineNumber)];
        NeedsReview = false;
        ReviewReason = null;
        UpdatedAt = now;
        return this;
    }

    public Result<Payroll> Approve(DateTimeOffset now)
    {
        if (Status != PayrollStatus.Draft)
        {
            return PayrollErrors.NotDraft;
        }

        Status = PayrollStatus.Approved;
        ApprovedAt = now;
        UpdatedAt = now;
        return this;
    }

    public Result<Payroll> Void(string reason, DateTimeOffset now)
    {
        if (Status != PayrollStatus.Approved)
        {
            return PayrollErrors.NotApproved;
        }

        Status = PayrollStatus.Voided;
        VoidReason = reason.Trim();
        VoidedAt = now;
        UpdatedAt = now;
        return this;
    }
}
