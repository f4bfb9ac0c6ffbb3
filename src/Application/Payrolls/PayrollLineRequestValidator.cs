using FluentValidation;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Application.Withholding.Korea;

namespace PayrollPortal.Application.Payrolls;

public sealed class PayrollLineRequestValidator : AbstractValidator<PayrollLineRequest>
{
    public PayrollLineRequestValidator()
    {
        RuleFor(x => x.EmployeeId).NotNull().NotEqual(Guid.Empty).WithErrorCode("payroll.employee_required").WithMessage("employeeId is required.");
        RuleFor(x => x.GrossWages).NotNull().WithErrorCode("payroll.gross_wages_required").WithMessage("grossWages is required.")
            .When(x => !x.IsKoreaShaped);
        RuleFor(x => x.GrossWages).ValidAmount();
        RuleFor(x => x.BasePay).WholeKrw("basePay");
        RuleFor(x => x.TaxableAllowances).WholeKrw("taxableAllowances");
        RuleFor(x => x.Bonus).WholeKrw("bonus");
        RuleFor(x => x.NonTaxable!.Meals).WholeKrw("nonTaxable.meals").When(x => x.NonTaxable is not null);
        RuleFor(x => x.NonTaxable!.CarAllowance).WholeKrw("nonTaxable.carAllowance").When(x => x.NonTaxable is not null);
        RuleFor(x => x.NonTaxable!.Childcare).WholeKrw("nonTaxable.childcare").When(x => x.NonTaxable is not null);
        RuleFor(x => x.SupplementalWages).ValidAmount();
        RuleFor(x => x.PostTaxDeductions).ValidAmount();
        RuleFor(x => x.PreTaxDeductions!.Retirement).ValidAmount().When(x => x.PreTaxDeductions is not null);
        RuleFor(x => x.PreTaxDeductions!.Cafeteria).ValidAmount().When(x => x.PreTaxDeductions is not null);
        RuleFor(x => x.PreTaxDeductions!.Hsa).ValidAmount().When(x => x.PreTaxDeductions is not null);
    }
}
