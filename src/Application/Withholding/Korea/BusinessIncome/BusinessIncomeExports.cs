using System.Globalization;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Exports;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>
/// A sheet as an export, <c>{"scope": {"businessIncomeSheetId": "..."}}</c>: one row per line with the fields of the monthly
/// simplified payment statement for business income (간이지급명세서(거주자의 사업소득)) — pay month, attribution year and month, 업종코드,
/// the payee's name and 주민등록번호 (masked to its last four digits), the amount paid — beside the withholding the statement for
/// business income (지급명세서) adds: the rate, the income tax and the local income tax. Written by the CSV and XLSX register writers.
/// </summary>
public sealed class BusinessIncomeExports(IBusinessIncomeStore store, ICompanyQueries companies) : IExportDocumentSource
{
    public const string Member = "businessIncomeSheetId";

    private static readonly string[] Money =
    [
        "Amount paid / 지급액",
        "Income tax / 소득세",
        "Local income tax / 지방소득세",
        "Net paid / 차인지급액",
    ];

    private static readonly string[] TextColumns =
    [
        "Residency / 거주구분",
        "Business type code / 업종코드",
        "Income tax rate % / 세율",
        "Pay month / 지급연월",
        "Attribution year-month / 귀속연월",
    ];

    public static readonly RegisterColumns Layout = new(
        [
            "Payee / 소득자 성명", "RRN / 주민등록번호 (masked)", "Pay date / 지급일", "Attribution start / 귀속 시작일", "Attribution end / 귀속 종료일",
            "Status / 상태", .. Money, .. TextColumns, "Sheet ID / 사업소득 지급대장 ID",
        ],
        Money,
        0,
        "Korean won (KRW), whole won; business income (사업소득) paid on one sheet, the 주민등록번호 masked to its last four digits")
    {
        TextColumns = TextColumns,
    };

    public string ScopeMember => Member;

    public string Kind => "bis";

    public async Task<Result<ExportDocument>> FindAsync(Guid companyId, Guid documentId, CancellationToken cancellationToken)
    {
        var sheet = await store.GetSheetAsync(companyId, documentId, cancellationToken);
        if (sheet is null)
        {
            return Error.NotFound("export.business_income_sheet_not_found", "The company has no business-income sheet with this id.");
        }

        if (sheet.Status == BusinessIncomeSheetStatus.Voided)
        {
            return Error.Conflict("export.business_income_sheet_voided", "A voided business-income sheet is not exported.", "scope." + Member);
        }

        var slug = (await companies.GetAsync(companyId, cancellationToken))?.Slug ?? "company";
        var stem = string.Create(CultureInfo.InvariantCulture, $"business-income-{slug}-{sheet.PayDate:yyyy-MM}-{sheet.Id:D}");
        return new ExportDocument(stem, sheet.Status == BusinessIncomeSheetStatus.Draft, Layout, ct => store.ExportRowsAsync(companyId, sheet.Id, ct));
    }

    /// <summary>A row's text cells, in the order of <see cref="TextColumns"/>.</summary>
    public static string[] Texts(string residentType, string businessTypeCode, int rateBasisPoints, DateOnly payDate)
    {
        var month = payDate.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return
        [
            residentType == "resident" ? "resident / 거주자" : "nonresident / 비거주자",
            businessTypeCode,
            BusinessIncomeText.Percent(rateBasisPoints).ToString("0.##", CultureInfo.InvariantCulture),
            month,
            month,
        ];
    }
}
