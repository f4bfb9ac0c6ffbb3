using FluentValidation;
using Mediator;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Payslips;

/// <summary>
/// The caller's own payslip of an approved payroll, as figures (<c>GET /api/me/payslips/{companyId}/{payrollId}</c>). A
/// command because the audit trail records each view (<c>payslip.viewed</c>).
/// </summary>
[Requires(Access.SignedIn)]
public sealed record ViewMyPayslip(Guid CompanyId, Guid PayrollId) : ICommand<Result<PayslipDto>>
{
    public sealed class Validator : AbstractValidator<ViewMyPayslip>
    {
        public Validator()
        {
            RuleFor(x => x.PayrollId).NotEmpty().WithErrorCode("payslip.payroll_required").WithMessage("payrollId is required.");
        }
    }

    public sealed class Handler(MyPayslips payslips) : ICommandHandler<ViewMyPayslip, Result<PayslipDto>>
    {
        public async ValueTask<Result<PayslipDto>> Handle(ViewMyPayslip command, CancellationToken cancellationToken)
        {
            var opened = await payslips.OpenAsync(command.CompanyId, command.PayrollId, "json", cancellationToken);
            return opened.IsSuccess ? opened.Value!.Payslip : Result<PayslipDto>.Failure(opened.Errors);
        }
    }
}
