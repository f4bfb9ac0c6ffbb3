using Mediator;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Companies;

public sealed record GetCompany(Guid Id) : IQuery<Result<CompanyDto>>
{
    public sealed class Handler(ICompanyQueries queries) : IQueryHandler<GetCompany, Result<CompanyDto>>
    {
        public async ValueTask<Result<CompanyDto>> Handle(GetCompany query, CancellationToken cancellationToken) =>
            await queries.GetAsync(query.Id, cancellationToken) is { } company ? company : CompanyErrors.NotFound;
    }
}
