using PayrollPortal.Domain.Periods;
using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>A sheet with each line's figures and the totals.</summary>
public sealed record BusinessIncomeSheetDto(
    Guid Id, Guid CompanyId, DateOnly PayDate, string Month, string Status, IReadOnlyList<BusinessIncomeLineDto> Lines, BusinessIncomeTotalsDto Totals,
    string? VoidReason, DateTimeOffset? ApprovedAt, DateTimeOffset? VoidedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static BusinessIncomeSheetDto From(BusinessIncomeSheet sheet, IReadOnlyList<BusinessIncomePayee> payees)
    {
        var byId = payees.ToDictionary(p => p.Id);
        var lines = sheet.Lines.Select(l =>
        {
            var payee = byId[l.PayeeId];
            return new BusinessIncomeLineDto(
                l.LineNumber, l.PayeeId, payee.Name, ResidentRegistrationNumber.Mask(payee.RrnLast4), BusinessIncomeText.Of(payee.ResidentType),
                payee.BusinessTypeCode, l.Figures.Amount, BusinessIncomeText.Percent(l.Figures.RateBasisPoints), l.Figures.IncomeTax,
                l.Figures.LocalIncomeTax, l.Figures.NetAmount, l.Figures.SmallAmountExempt);
        }).ToList();
        var totals = new BusinessIncomeTotalsDto(
            lines.Select(l => l.PayeeId).Distinct().Count(), lines.Sum(l => l.Amount), lines.Sum(l => l.IncomeTax), lines.Sum(l => l.LocalIncomeTax),
            lines.Sum(l => l.NetAmount));
        return new BusinessIncomeSheetDto(
            sheet.Id, sheet.CompanyId, sheet.PayDate, PayMonth.Of(sheet.PayDate).ToString(), BusinessIncomeText.Of(sheet.Status), lines, totals, sheet.VoidReason,
            sheet.ApprovedAt, sheet.VoidedAt, sheet.CreatedAt, sheet.UpdatedAt);
    }
}
