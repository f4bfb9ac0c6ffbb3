using FluentValidation;
using PayrollPortal.Application.Common.Validation;

namespace PayrollPortal.Application.Payrolls;

public sealed class PayrollLineRequestValidator : AbstractValidator<PayrollLineRequest>
{
    public PayrollLineRequestValidator()
    {
        RuleFor(x => x.EmployeeId).NotNull().NotEqual(Guid.Empty).WithErrorCode("payroll.employee_required").WithMessage("employeeId is required.");
        RuleFor(x => x.GrossWages).NotNull().WithErrorCode("payroll.gross_wages_required").WithMessage("grossWages is required.").ValidAmount();
        RuleFor(x => x.SupplementalWages).ValidAmount();
        RuleFor(x => x.PostTaxDeductions).ValidAmount();
        RuleFor(x => x.PreTaxDeductions!.Retirement).ValidAmount().When(x => x.PreTaxDeductions is not null);
        RuleFor(x => x.PreTaxDeductions!.Cafeteria).ValidAmount().When(x => x.PreTaxDeductions is not null);
        RuleFor(x => x.PreTaxDeductions!.Hsa).ValidAmount().When(x => x.PreTaxDeductions is not null);
    }
}
