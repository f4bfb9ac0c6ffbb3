using Mediator;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Imports;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.OpeningBalances;

/// <summary>The opening balances' CSV columns for the company's regime: the record's core members, then the regime's amounts.</summary>
[Requires(Access.PayrollManager)]
public sealed record GetOpeningBalanceTemplate(Guid CompanyId) : IQuery<Result<ImportTemplate>>, ICompanyScoped
{
    public static readonly IReadOnlyList<ImportColumn> CoreColumns =
    [
        new("employeeId", ImportColumnKind.Identifier, "0190b4a2-7c1e-7d3a-9f00-2b6c8e4d5a10", "The employee's id, as the API and the Employees page show it."),
        new("taxYear", ImportColumnKind.Number, "2026", "The tax year the figures belong to."),
        new("asOf", ImportColumnKind.Date, "2026-05-31", "The date the figures run to (yyyy-MM-dd): the last pay date of the previous payroll."),
        new("period", ImportColumnKind.Text, "2026-05", "Optional: the month (yyyy-MM) whose totals the row carries; empty means the as-of month."),
    ];

    public sealed class Handler(ICompanyQueries companies, RegimeParts<IOpeningBalanceFields> regimes)
        : IQueryHandler<GetOpeningBalanceTemplate, Result<ImportTemplate>>
    {
        public async ValueTask<Result<ImportTemplate>> Handle(GetOpeningBalanceTemplate query, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(query.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            if (regimes.Find(company.Regime) is not { } regime)
            {
                return ImportErrors.RegimeUnsupported(company.Regime);
            }

            return new ImportTemplate($"opening-balances-{company.Slug}", [.. CoreColumns, .. regime.Columns]);
        }
    }
}
