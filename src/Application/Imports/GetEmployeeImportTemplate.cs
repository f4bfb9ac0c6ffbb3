using Mediator;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Application.Schedules;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Imports;

/// <summary>The employee import's columns for the company's regime, with the company's pay schedules as the paySchedule list.</summary>
[Requires(Access.CompanyAdmin)]
public sealed record GetEmployeeImportTemplate(Guid CompanyId) : IQuery<Result<ImportTemplate>>, ICompanyScoped
{
    public sealed class Handler(ICompanyQueries companies, RegimeParts<IEmployeeImports> regimes, IPaySchedules schedules)
        : IQueryHandler<GetEmployeeImportTemplate, Result<ImportTemplate>>
    {
        public async ValueTask<Result<ImportTemplate>> Handle(GetEmployeeImportTemplate query, CancellationToken cancellationToken)
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

            var names = (await schedules.ListAsync(company.Id, cancellationToken)).Select(s => s.Name).ToList();
            var columns = EmployeeImportColumns.For(regime)
                .Select(c => c.Name == EmployeeImportColumns.PaySchedule && names.Count > 0
                    ? c with { Kind = ImportColumnKind.Choice, Values = names, Example = names[0] }
                    : c)
                .ToList();
            return new ImportTemplate($"employees-{company.Slug}", columns);
        }
    }
}
