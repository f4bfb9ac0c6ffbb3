using Mediator;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Imports;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.OpeningBalances;

/// <summary>
/// The opening balances' CSV columns for the company's regime: the record's core members, then the regime's amounts. The
/// employee number leads: a company moving in knows its own numbers (the employee import stored them), not the new ids.
/// </summary>
[Requires(Access.PayrollManager)]
public sealed record GetOpeningBalanceTemplate(Guid CompanyId) : IQuery<Result<ImportTemplate>>, ICompanyScoped
{
    public static readonly IReadOnlyList<ImportColumn> CoreColumns =
    [
        new("employeeNumber", ImportColumnKind.Text, "E-1001", "The employee's number in the company, as the employee import stored it. Or leave it empty and give employeeId."),
        new("employeeId", ImportColumnKind.Identifier, string.Empty, "Instead of employeeNumber: the employee's id, as the API and the Employees page show it. With both, they must name the same employee."),
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
