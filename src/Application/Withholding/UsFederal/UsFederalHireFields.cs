using System.Text.Json;
using FluentValidation;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Application.Employees;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>A new us-federal employee's fields.</summary>
/// <param name="W4EffectiveDate">The first pay date the W-4 applies to; defaults to the hire date.</param>
/// <param name="WorkState">The state whose income tax is withheld (<c>US-CA</c>); none means no state withholding.</param>
/// <param name="StateCertificate">The state's withholding certificate, as <see cref="StateRequest"/> reads it.</param>
/// <param name="StateEffectiveDate">The first pay date the work state applies to; defaults to the hire date.</param>
public sealed record UsFederalHireFields(
    string? Ssn, string? PayFrequency, bool? Exempt, WithholdingW4? W4, DateOnly? W4EffectiveDate = null,
    string? WorkState = null, JsonElement? StateCertificate = null, DateOnly? StateEffectiveDate = null)
{
    public sealed class Validator : AbstractValidator<UsFederalHireFields>
    {
        public Validator()
        {
            RuleFor(x => x.Ssn).MustBeValid(Domain.Employees.Ssn.Create);
            RuleFor(x => x.PayFrequency).KnownPayFrequency();
            RuleFor(x => x.W4).NotNull().WithErrorCode("employee.w4_required").WithMessage("A Form W-4 is required.")
                .SetValidator(new W4Validator()!);
            RuleFor(x => x.StateEffectiveDate).Null().When(x => x.WorkState is null).OverridePropertyName("workState")
                .WithErrorCode("employee.work_state_required").WithMessage("stateEffectiveDate needs a workState.");
        }
    }
}
