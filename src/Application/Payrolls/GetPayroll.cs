using PayrollPortal.Application.Regimes;
using Mediator;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Payrolls;

[Requires(Access.Viewer)]
public sealed record GetPayroll(Guid CompanyId, Guid PayrollId) : IQuery<Result<PayrollDto>>, ICompanyScoped
{
    public sealed class Handler(IPayrollRepository payrolls, RegimeParts<IPayrollLines> regimes) : IQueryHandler<GetPayroll, Result<PayrollDto>>
    {
        public async ValueTask<Result<PayrollDto>> Handle(GetPayroll query, CancellationToken cancellationToken) =>
            await payrolls.GetAsync(query.CompanyId, query.PayrollId, cancellationToken) is { } payroll ? PayrollDto.From(payroll, regimes.For(payroll.Regime)) : PayrollErrors.NotFound;
    }
}
