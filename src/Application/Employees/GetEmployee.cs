using Mediator;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Employees;

public sealed record GetEmployee(Guid CompanyId, Guid Id) : IQuery<Result<EmployeeDto>>
{
    public sealed class Handler(IEmployeeRepository employees) : IQueryHandler<GetEmployee, Result<EmployeeDto>>
    {
        public async ValueTask<Result<EmployeeDto>> Handle(GetEmployee query, CancellationToken cancellationToken) =>
            await employees.GetAsync(query.CompanyId, query.Id, cancellationToken) is { } employee ? EmployeeDto.From(employee) : EmployeeErrors.NotFound;
    }
}
