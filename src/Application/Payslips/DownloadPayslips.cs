using FluentValidation;
using Mediator;
using PayrollPortal.Application.Exports;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Payslips;

/// <summary>
/// All payslips of an approved payroll as one ZIP, for a signed-in caller with export rights (payroll manager and up):
/// <c>GET .../payrolls/{payrollId}/payslips.zip</c>. Recorded as <c>payslips.exported</c>.
/// </summary>
[Requires(Access.PayrollManager)]
public sealed record DownloadPayslips(Guid CompanyId, Guid PayrollId) : ICommand<Result<ExportFile>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<DownloadPayslips>
    {
        public Validator()
        {
            RuleFor(x => x.PayrollId).NotEmpty().WithErrorCode("payslip.payroll_required").WithMessage("payrollId is required.");
        }
    }

    public sealed class Handler(PayslipExports exports, ICurrentUser currentUser) : ICommandHandler<DownloadPayslips, Result<ExportFile>>
    {
        public async ValueTask<Result<ExportFile>> Handle(DownloadPayslips command, CancellationToken cancellationToken) =>
            await exports.OpenAsync(command.CompanyId, command.PayrollId, null, currentUser.Caller.Actor, cancellationToken);
    }
}
