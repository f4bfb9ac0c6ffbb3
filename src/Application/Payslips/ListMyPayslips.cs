using FluentValidation;
using Mediator;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Payslips;

/// <summary>
/// The caller's own payslips across companies: every approved payroll line of each employee record the caller's memberships
/// are bound to, newest pay date first. Staff who are also paid by the company see theirs too; a member bound to no employee
/// record gets an empty list.
/// </summary>
[Requires(Access.SignedIn)]
public sealed record ListMyPayslips : IQuery<Result<IReadOnlyList<MyPayslipDto>>>
{
    public sealed class Validator : AbstractValidator<ListMyPayslips>
    {
    }

    public sealed class Handler(ICurrentUser currentUser, IPayslipSource source) : IQueryHandler<ListMyPayslips, Result<IReadOnlyList<MyPayslipDto>>>
    {
        public async ValueTask<Result<IReadOnlyList<MyPayslipDto>>> Handle(ListMyPayslips query, CancellationToken cancellationToken)
        {
            var bindings = currentUser.Caller.EmployeeBindings;
            var rows = bindings.Count == 0 ? [] : await source.MyPayslipsAsync(bindings, cancellationToken);
            return rows.Select(r =>
            {
                var currency = Currency.FromCode(r.Currency) ?? Currency.Usd;
                var url = $"/api/me/payslips/{r.CompanyId:D}/{r.PayrollId:D}";
                return new MyPayslipDto(
                    r.CompanyId, r.CompanyName, r.PayrollId, r.PeriodStart, r.PeriodEnd, r.PayDate, currency.Code, currency.ToAmount(new Money(r.NetPay)), url, url + ".pdf");
            }).ToArray();
        }
    }
}
