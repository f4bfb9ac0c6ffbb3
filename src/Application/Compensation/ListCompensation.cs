using Mediator;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Compensation;

/// <summary>The employee's compensation history, newest effective date first.</summary>
[Requires(Access.Viewer)]
public sealed record ListCompensation(Guid CompanyId, Guid EmployeeId) : IQuery<Result<CompensationHistoryDto>>, ICompanyScoped
{
    public sealed class Handler(ICompanyQueries companies, IEmployeeRepository employees, ICompensationHistory history, RegimeParts<IPayRuns> regimes)
        : IQueryHandler<ListCompensation, Result<CompensationHistoryDto>>
    {
        public async ValueTask<Result<CompensationHistoryDto>> Handle(ListCompensation query, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(query.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            if (await employees.GetAsync(query.CompanyId, query.EmployeeId, cancellationToken) is null)
            {
                return EmployeeErrors.NotFound;
            }

            var records = await history.ListAsync(query.EmployeeId, cancellationToken);
            return regimes.Find(company.Regime) is { } regime
                ? new CompensationHistoryDto(query.EmployeeId, [.. records.Select(r => CompensationReader.ToDto(r, regime))])
                : new CompensationHistoryDto(query.EmployeeId, []);
        }
    }
}
