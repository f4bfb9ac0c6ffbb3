using PayrollPortal.Application.Regimes;
using Mediator;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Employees;

[Requires(Access.Viewer)]
public sealed record GetEmployee(Guid CompanyId, Guid Id) : IQuery<Result<EmployeeDto>>, ICompanyScoped
{
    public sealed class Handler(IEmployeeRepository employees, RegimeParts<IEmployeeProfiles> regimes) : IQueryHandler<GetEmployee, Result<EmployeeDto>>
    {
        public async ValueTask<Result<EmployeeDto>> Handle(GetEmployee query, CancellationToken cancellationToken) =>
            await employees.GetAsync(query.CompanyId, query.Id, cancellationToken) is { } employee ? EmployeeDto.From(employee, regimes.For(employee.TaxProfile.Regime)) : EmployeeErrors.NotFound;
    }
}
