using FluentValidation;

namespace PayrollPortal.Application.Payrolls;

/// <summary>The core of a line; the regime validates its own fields once the company's regime is known.</summary>
public sealed class PayrollLineRequestValidator : AbstractValidator<PayrollLineRequest>
{
    public PayrollLineRequestValidator()
    {
        RuleFor(x => x.EmployeeId).Must((line, _) => !line.EmployeeIdUnreadable).WithErrorCode("json.invalid")
            .WithMessage("The value has the wrong JSON type: expected an id.");
        RuleFor(x => x.EmployeeId).NotNull().NotEqual(Guid.Empty).WithErrorCode("payroll.employee_required").WithMessage("employeeId is required.")
            .When(x => !x.EmployeeIdUnreadable);
    }
}
