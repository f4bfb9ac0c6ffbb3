using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Exports;
using PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>Business-income payees and sheets, always within one company.</summary>
public interface IBusinessIncomeStore
{
    /// <summary>Whether a payee of the company has one of these blind indexes (every key's, so an unrotated row counts).</summary>
    Task<bool> RrnExistsAsync(Guid companyId, IReadOnlyList<string> blindIndexes, CancellationToken cancellationToken);

    /// <summary>False when the company already has a payee with the number (a concurrent write that won).</summary>
    Task<bool> TryAddPayeeAsync(BusinessIncomePayee payee, ProtectedSsn rrn, CancellationToken cancellationToken);

    /// <summary>The company's payees, by name; only <paramref name="ids"/> when given.</summary>
    Task<IReadOnlyList<BusinessIncomePayee>> PayeesAsync(Guid companyId, IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken);

    Task AddSheetAsync(BusinessIncomeSheet sheet, CancellationToken cancellationToken);

    Task<BusinessIncomeSheet?> GetSheetAsync(Guid companyId, Guid sheetId, CancellationToken cancellationToken);

    Task UpdateSheetStatusAsync(BusinessIncomeSheet sheet, CancellationToken cancellationToken);

    /// <summary>The company's sheets paid in the year (and month, when given), newest pay date first.</summary>
    Task<IReadOnlyList<BusinessIncomeSheetSummaryDto>> ListSheetsAsync(Guid companyId, int year, int? month, CancellationToken cancellationToken);

    /// <summary>Approved sheets' totals for each of <paramref name="months"/> of <paramref name="year"/> that has any.</summary>
    Task<IReadOnlyList<BusinessIncomeMonthDto>> ApprovedTotalsAsync(Guid companyId, int year, IReadOnlyList<int> months, CancellationToken cancellationToken);

    /// <summary>The distinct payees of the approved sheets over the months (a payee paid in two months counts once).</summary>
    Task<int> ApprovedPayeesAsync(Guid companyId, int year, IReadOnlyList<int> months, CancellationToken cancellationToken);

    /// <summary>The sheet's lines as an export's rows, streamed, the 주민등록번호 masked to its last four digits.</summary>
    IAsyncEnumerable<PayrollRegisterRow> ExportRowsAsync(Guid companyId, Guid sheetId, CancellationToken cancellationToken);
}
