using System.Globalization;
using PayrollPortal.Application.Periods;
using PayrollPortal.Domain.Periods;

namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>A month with a draft business-income sheet paid in it does not close, as with a draft payroll.</summary>
public sealed class BusinessIncomePeriodDrafts(IBusinessIncomeStore store) : IPeriodDrafts
{
    public async Task<IReadOnlyList<string>> DraftsAsync(Guid companyId, PayMonth month, CancellationToken cancellationToken) =>
        [.. (await store.ListSheetsAsync(companyId, month.Year, month.Month, cancellationToken))
            .Where(s => s.Status == "draft")
            .OrderBy(s => s.PayDate)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"business-income sheet {s.Id} (paid {s.PayDate:yyyy-MM-dd})"))];
}
