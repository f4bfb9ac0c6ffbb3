using FluentValidation;
using Mediator;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Periods;

namespace PayrollPortal.Application.Periods;

/// <summary>One of a company's months: whether it is closed, and its payrolls by status.</summary>
[Requires(Access.Viewer)]
public sealed record GetPeriod(Guid CompanyId, string? Month) : IQuery<Result<PeriodDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<GetPeriod>
    {
        public Validator() => RuleFor(x => x.Month).ValidPayMonth("month");
    }

    public sealed class Handler(ICompanyQueries companies, IPeriodClosings closings) : IQueryHandler<GetPeriod, Result<PeriodDto>>
    {
        public async ValueTask<Result<PeriodDto>> Handle(GetPeriod query, CancellationToken cancellationToken)
        {
            if (await companies.GetAsync(query.CompanyId, cancellationToken) is null)
            {
                return CompanyErrors.NotFound;
            }

            var month = PayMonth.Parse(query.Month);
            return await closings.DescribeAsync(query.CompanyId, month, cancellationToken);
        }
    }
}
