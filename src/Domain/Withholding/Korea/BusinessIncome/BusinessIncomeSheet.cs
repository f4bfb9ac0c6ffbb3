using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

/// <summary>
/// A month's business-income payments (사업소득 지급), paid on one date: draft, approved, voided with a reason, like a payroll, and
/// inside the month close of its pay date's month.
/// </summary>
public sealed class BusinessIncomeSheet
{
    private BusinessIncomeSheet(
        Guid id, Guid companyId, DateOnly payDate, BusinessIncomeSheetStatus status, IReadOnlyList<BusinessIncomeLine> lines, string? voidReason,
        DateTimeOffset? approvedAt, DateTimeOffset? voidedAt, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Id = id;
        CompanyId = companyId;
        PayDate = payDate;
        Status = status;
        Lines = lines;
        VoidReason = voidReason;
        ApprovedAt = approvedAt;
        VoidedAt = voidedAt;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public Guid Id { get; }

    public Guid CompanyId { get; }

    public DateOnly PayDate { get; }

    public BusinessIncomeSheetStatus Status { get; private set; }

    public IReadOnlyList<BusinessIncomeLine> Lines { get; }

    public string? VoidReason { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public DateTimeOffset? VoidedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static BusinessIncomeSheet Draft(Guid companyId, DateOnly payDate, IReadOnlyList<BusinessIncomeLine> lines, DateTimeOffset now) =>
        new(Guid.NewGuid(), companyId, payDate, BusinessIncomeSheetStatus.Draft, lines, null, null, null, now, now);

    /// <summary>A sheet as stored.</summary>
    public static BusinessIncomeSheet Restore(
        Guid id, Guid companyId, DateOnly payDate, BusinessIncomeSheetStatus status, IReadOnlyList<BusinessIncomeLine> lines, string? voidReason,
        DateTimeOffset? approvedAt, DateTimeOffset? voidedAt, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new(id, companyId, payDate, status, lines, voidReason, approvedAt, voidedAt, createdAt, updatedAt);

    public Result<BusinessIncomeSheet> Approve(DateTimeOffset now)
    {
        if (Status != BusinessIncomeSheetStatus.Draft)
        {
            return BusinessIncomeErrors.NotDraft;
        }

        Status = BusinessIncomeSheetStatus.Approved;
        ApprovedAt = now;
        UpdatedAt = now;
        return this;
    }

    public Result<BusinessIncomeSheet> Void(string reason, DateTimeOffset now)
    {
        if (Status != BusinessIncomeSheetStatus.Approved)
        {
            return BusinessIncomeErrors.NotApproved;
        }

        Status = BusinessIncomeSheetStatus.Voided;
        VoidReason = reason.Trim();
        VoidedAt = now;
        UpdatedAt = now;
        return this;
    }
}
