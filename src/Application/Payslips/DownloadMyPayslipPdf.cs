using FluentValidation;
using Mediator;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Payslips;

/// <summary>
/// The caller's own payslip of an approved payroll as a PDF (<c>GET /api/me/payslips/{companyId}/{payrollId}.pdf</c>),
/// recorded as <c>payslip.viewed</c>.
/// </summary>
[Requires(Access.SignedIn)]
public sealed record DownloadMyPayslipPdf(Guid CompanyId, Guid PayrollId) : ICommand<Result<PayslipPdf>>
{
    public sealed class Validator : AbstractValidator<DownloadMyPayslipPdf>
    {
        public Validator()
        {
            RuleFor(x => x.PayrollId).NotEmpty().WithErrorCode("payslip.payroll_required").WithMessage("payrollId is required.");
        }
    }

    public sealed class Handler(MyPayslips payslips, IPayslipRenderer renderer) : ICommandHandler<DownloadMyPayslipPdf, Result<PayslipPdf>>
    {
        public async ValueTask<Result<PayslipPdf>> Handle(DownloadMyPayslipPdf command, CancellationToken cancellationToken)
        {
            var opened = await payslips.OpenAsync(command.CompanyId, command.PayrollId, "pdf", cancellationToken);
            if (!opened.IsSuccess)
            {
                return Result<PayslipPdf>.Failure(opened.Errors);
            }

            using var output = new MemoryStream();
            renderer.Render(opened.Value!, output);
            return new PayslipPdf(opened.Value!.FileName, renderer.ContentType, output.ToArray());
        }
    }
}
