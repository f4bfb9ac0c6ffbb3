using Mediator;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Schedules;

/// <summary>The company's pay schedules (a company has a handful, so they are not paged).</summary>
[Requires(Access.Viewer)]
public sealed record ListPaySchedules(Guid CompanyId) : IQuery<Result<IReadOnlyList<PayScheduleDto>>>, ICompanyScoped
{
    public sealed class Handler(ICompanyQueries companies, IPaySchedules schedules) : IQueryHandler<ListPaySchedules, Result<IReadOnlyList<PayScheduleDto>>>
    {
        public async ValueTask<Result<IReadOnlyList<PayScheduleDto>>> Handle(ListPaySchedules query, CancellationToken cancellationToken)
        {
            if (await companies.GetAsync(query.CompanyId, cancellationToken) is null)
            {
                return CompanyErrors.NotFound;
            }

            var list = await schedules.ListAsync(query.CompanyId, cancellationToken);
            return Result<IReadOnlyList<PayScheduleDto>>.Success([.. list.Select(PayScheduleDto.From)]);
        }
    }
}
