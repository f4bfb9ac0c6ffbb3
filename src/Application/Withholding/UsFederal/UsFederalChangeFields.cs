using System.Text.Json;
using FluentValidation;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Application.Employees;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// A partial update of a us-federal employee's fields. A new W-4 needs <see cref="W4EffectiveDate"/> and joins the history,
/// so payrolls before that date keep computing with the form they were computed with. A new work state or state certificate
/// needs <see cref="StateEffectiveDate"/> and joins the state history the same way.
/// </summary>
public sealed record UsFederalChangeFields(
    Optional<string?> Ssn,
    Optional<string?> PayFrequency,
    Optional<bool?> Exempt,
    Optional<WithholdingW4?> W4,
    Optional<DateOnly?> W4EffectiveDate,
    Optional<string?> WorkState = default,
    Optional<JsonElement?> StateCertificate = default,
    Optional<DateOnly?> StateEffectiveDate = default)
{
    public sealed class Validator : AbstractValidator<UsFederalChangeFields>
    {
        public Validator()
        {
            RuleFor(x => x.Ssn.Value).MustBeValid(Domain.Employees.Ssn.Create, "ssn").When(x => x.Ssn.HasValue);
            RuleFor(x => x.PayFrequency.Value).KnownPayFrequency().When(x => x.PayFrequency.HasValue).OverridePropertyName("payFrequency");
            RuleFor(x => x.Exempt.Value).NotNull().When(x => x.Exempt.HasValue).OverridePropertyName("exempt")
                .WithErrorCode("employee.exempt_required").WithMessage("Exempt must be true or false.");
            RuleFor(x => x.W4.Value).NotNull().WithErrorCode("employee.w4_required").WithMessage("A Form W-4 cannot be removed; send a new one.")
                .SetValidator(new W4Validator()!).When(x => x.W4.HasValue).OverridePropertyName("w4");
            RuleFor(x => x.W4EffectiveDate.Value).NotNull().When(x => x.W4.HasValue).OverridePropertyName("w4EffectiveDate")
                .WithErrorCode(EmployeeErrors.W4EffectiveDateRequired.Code).WithMessage(EmployeeErrors.W4EffectiveDateRequired.Message);
            RuleFor(x => x.StateEffectiveDate.Value).NotNull().When(x => x.WorkState.HasValue || x.StateCertificate.HasValue).OverridePropertyName("stateEffectiveDate")
                .WithErrorCode("employee.state_effective_date_required").WithMessage("A new work state or state certificate needs stateEffectiveDate: the first pay date it applies to.");
        }
    }
}
