using Mediator;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Calendars;

/// <summary>The company's holiday list: pay dates on these days move to the previous business day.</summary>
[Requires(Access.Viewer)]
public sealed record GetHolidays(Guid CompanyId) : IQuery<Result<HolidaysDto>>, ICompanyScoped
{
    public sealed class Handler(ICompanyQueries companies, ICompanyHolidays holidays) : IQueryHandler<GetHolidays, Result<HolidaysDto>>
    {
        public async ValueTask<Result<HolidaysDto>> Handle(GetHolidays query, CancellationToken cancellationToken)
        {
            if (await companies.GetAsync(query.CompanyId, cancellationToken) is null)
            {
                return CompanyErrors.NotFound;
            }

            var list = await holidays.ListAsync(query.CompanyId, cancellationToken);
            return new HolidaysDto(query.CompanyId, [.. list.Select(h => new HolidayDto(h.Date, h.Name))]);
        }
    }
}
