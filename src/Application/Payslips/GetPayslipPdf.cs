using FluentValidation;
using Mediator;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Payslips;

/// <summary>
/// One employee's payslip as a PDF. A draft's or a voided payroll's is refused (409) unless <see cref="Preview"/> asks for
/// it, and then every page is watermarked DRAFT or VOID.
/// </summary>
[Requires(Access.Viewer)]
public sealed record GetPayslipPdf(Guid CompanyId, Guid PayrollId, Guid EmployeeId, bool Preview = false) : IQuery<Result<PayslipPdf>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<GetPayslipPdf>
    {
        public Validator()
        {
            RuleFor(x => x.PayrollId).NotEmpty().WithErrorCode("payslip.payroll_required").WithMessage("payrollId is required.");
            RuleFor(x => x.EmployeeId).NotEmpty().WithErrorCode("payslip.employee_required").WithMessage("employeeId is required.");
        }
    }

    public sealed class Handler(PayslipBook book, IPayslipRenderer renderer) : IQueryHandler<GetPayslipPdf, Result<PayslipPdf>>
    {
        public async ValueTask<Result<PayslipPdf>> Handle(GetPayslipPdf query, CancellationToken cancellationToken)
        {
            var run = await book.OpenAsync(query.CompanyId, query.PayrollId, query.EmployeeId, query.Preview, cancellationToken);
            if (!run.IsSuccess)
            {
                return Result<PayslipPdf>.Failure(run.Errors);
            }

            var document = run.Value!.Documents.Single();
            using var output = new MemoryStream();
            renderer.Render(document, output);
            return new PayslipPdf(document.FileName, renderer.ContentType, output.ToArray());
        }
    }
}
