using Mediator;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Companies;

[Requires(Access.Viewer)]
public sealed record GetCompany(Guid Id) : IQuery<Result<CompanyDto>>, ICompanyScoped
{
    Guid ICompanyScoped.CompanyId => Id;

    public sealed class Handler(ICompanyQueries queries) : IQueryHandler<GetCompany, Result<CompanyDto>>
    {
        public async ValueTask<Result<CompanyDto>> Handle(GetCompany query, CancellationToken cancellationToken) =>
            await queries.GetAsync(query.Id, cancellationToken) is { } company ? company : CompanyErrors.NotFound;
    }
}
