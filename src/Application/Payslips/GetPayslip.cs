using FluentValidation;
using Mediator;
using PayrollPortal.Application.Identity;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Payslips;

/// <summary>
/// One employee's payslip of one payroll, as figures: approved payrolls only, unless <see cref="Preview"/> asks for a draft's
/// or a voided payroll's (marked by its status).
/// </summary>
[Requires(Access.Viewer)]
public sealed record GetPayslip(Guid CompanyId, Guid PayrollId, Guid EmployeeId, bool Preview = false) : IQuery<Result<PayslipDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<GetPayslip>
    {
        public Validator()
        {
            RuleFor(x => x.PayrollId).NotEmpty().WithErrorCode("payslip.payroll_required").WithMessage("payrollId is required.");
            RuleFor(x => x.EmployeeId).NotEmpty().WithErrorCode("payslip.employee_required").WithMessage("employeeId is required.");
        }
    }

    public sealed class Handler(PayslipBook book) : IQueryHandler<GetPayslip, Result<PayslipDto>>
    {
        public async ValueTask<Result<PayslipDto>> Handle(GetPayslip query, CancellationToken cancellationToken)
        {
            var run = await book.OpenAsync(query.CompanyId, query.PayrollId, query.EmployeeId, query.Preview, cancellationToken);
            return run.IsSuccess ? run.Value!.Documents.Single().Payslip : Result<PayslipDto>.Failure(run.Errors);
        }
    }
}
