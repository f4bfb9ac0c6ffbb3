using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Application.Withholding;
using PayrollPortal.Application.Withholding.Korea;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Employees;

/// <summary>
/// A partial update. A new W-4 needs <see cref="W4EffectiveDate"/> and is added to the history, so payrolls before that date
/// keep computing with the form they were computed with. A kr employee takes <see cref="ResidentRegistrationNumber"/> and
/// <see cref="Kr"/> instead of the SSN, pay frequency, exempt flag and W-4: a new kr profile carries its own
/// <c>effectiveDate</c> and joins the profile history the same way.
/// </summary>
[Requires(Access.PayrollManager)]
public sealed record UpdateEmployee(
    Guid CompanyId,
    Guid Id,
    Optional<string?> FirstName,
    Optional<string?> LastName,
    Optional<string?> Ssn,
    Optional<DateOnly?> HireDate,
    Optional<DateOnly?> TerminationDate,
    Optional<string?> PayFrequency,
    Optional<bool?> Exempt,
    Optional<WithholdingW4?> W4,
    Optional<DateOnly?> W4EffectiveDate,
    Optional<string?> ResidentRegistrationNumber = default,
    Optional<KoreaProfileDto?> Kr = default) : ICommand<Result<EmployeeDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<UpdateEmployee>
    {
        public Validator()
        {
            RuleFor(x => x.FirstName.Value).PersonName().When(x => x.FirstName.HasValue).OverridePropertyName("firstName");
            RuleFor(x => x.LastName.Value).PersonName().When(x => x.LastName.HasValue).OverridePropertyName("lastName");
            RuleFor(x => x.Ssn.Value).MustBeValid(Domain.Employees.Ssn.Create, "ssn").When(x => x.Ssn.HasValue);
            RuleFor(x => x.HireDate.Value).NotNull().When(x => x.HireDate.HasValue).OverridePropertyName("hireDate")
                .WithErrorCode("employee.hire_date_required").WithMessage("Hire date cannot be cleared.");
            RuleFor(x => x.PayFrequency.Value).KnownPayFrequency().When(x => x.PayFrequency.HasValue).OverridePropertyName("payFrequency");
            RuleFor(x => x.Exempt.Value).NotNull().When(x => x.Exempt.HasValue).OverridePropertyName("exempt")
                .WithErrorCode("employee.exempt_required").WithMessage("Exempt must be true or false.");
            RuleFor(x => x.W4.Value).NotNull().WithErrorCode("employee.w4_required").WithMessage("A Form W-4 cannot be removed; send a new one.")
                .SetValidator(new W4Validator()!).When(x => x.W4.HasValue).OverridePropertyName("w4");
            RuleFor(x => x.W4EffectiveDate.Value).NotNull().When(x => x.W4.HasValue).OverridePropertyName("w4EffectiveDate")
                .WithErrorCode(EmployeeErrors.W4EffectiveDateRequired.Code).WithMessage(EmployeeErrors.W4EffectiveDateRequired.Message);
            RuleFor(x => x.ResidentRegistrationNumber.Value)
                .MustBeValid(Domain.Withholding.Korea.ResidentRegistrationNumber.Create, "residentRegistrationNumber")
                .When(x => x.ResidentRegistrationNumber.HasValue);
            RuleFor(x => x.Kr.Value).NotNull().WithErrorCode("employee.kr_required").WithMessage("A kr profile cannot be removed; send a new one.")
                .SetValidator(new KoreaProfileValidator()!).When(x => x.Kr.HasValue).OverridePropertyName("kr");
            RuleFor(x => x.Kr.Value!.EffectiveDate).NotNull().When(x => x.Kr.HasValue && x.Kr.Value is not null).OverridePropertyName("kr.effectiveDate")
                .WithErrorCode(KrEffectiveDateRequired.Code).WithMessage(KrEffectiveDateRequired.Message);
        }
    }

    private static readonly Error KrEffectiveDateRequired = Error.Validation(
        "employee.kr_effective_date_required", "A new kr profile needs kr.effectiveDate, the first pay date it applies to.", "kr.effectiveDate");

    /// <summary>Fields of the other regime's shape, each a 400 on its own field, so nothing is half-applied.</summary>
    private static List<Error> RegimeMismatches(UpdateEmployee command, bool korea)
    {
        var errors = new List<Error>();
        if (korea)
        {
            void NotKorea(bool sent, string field)
            {
                if (sent)
                {
                    errors.Add(KoreaCompanyErrors.NotForKoreaEmployee(field));
                }
            }

            NotKorea(command.Ssn.HasValue, "ssn");
            NotKorea(command.W4.HasValue, "w4");
            NotKorea(command.W4EffectiveDate.HasValue, "w4EffectiveDate");
            NotKorea(command.PayFrequency.HasValue && !string.Equals(command.PayFrequency.Value, "monthly", StringComparison.OrdinalIgnoreCase), "payFrequency");
            NotKorea(command.Exempt.HasValue && command.Exempt.Value is true, "exempt");
        }
        else
        {
            if (command.ResidentRegistrationNumber.HasValue)
            {
                errors.Add(KoreaCompanyErrors.OnlyForKoreaEmployee("residentRegistrationNumber"));
            }

            if (command.Kr.HasValue)
            {
                errors.Add(KoreaCompanyErrors.OnlyForKoreaEmployee("kr"));
            }
        }

        return errors;
    }

    public sealed class Handler(IEmployeeRepository employees, IPiiProtector pii, IAuditTrail audit, TimeProvider clock, NationalIdGuard guard)
        : ICommandHandler<UpdateEmployee, Result<EmployeeDto>>
    {
        public async ValueTask<Result<EmployeeDto>> Handle(UpdateEmployee command, CancellationToken cancellationToken)
        {
            var employee = await employees.GetAsync(command.CompanyId, command.Id, cancellationToken);
            if (employee is null)
            {
                return EmployeeErrors.NotFound;
            }

            var korea = employee.KoreaProfiles.Count > 0;
            if (RegimeMismatches(command, korea) is { Count: > 0 } mismatches)
            {
                return Result<EmployeeDto>.Failure(mismatches);
            }

            var now = clock.GetUtcNow();
            ProtectedSsn? newSsn = null;
            if (command.ResidentRegistrationNumber.HasValue)
            {
                var rrn = Domain.Withholding.Korea.ResidentRegistrationNumber.Create(command.ResidentRegistrationNumber.Value).Value!;
                if (await guard.RefusalAsync(command.CompanyId, rrn.Digits, employee.Id, KoreaCompanyErrors.RrnTaken, cancellationToken) is { } refused)
                {
                    return refused;
                }

                employee.ChangeResidentRegistrationNumber(rrn, now);
                newSsn = new ProtectedSsn(pii.Protect(rrn.Digits), pii.BlindIndex(rrn.Digits), rrn.Last4);
            }

            if (command.Ssn.HasValue)
            {
                var ssn = Domain.Employees.Ssn.Create(command.Ssn.Value).Value!;
                if (await guard.RefusalAsync(command.CompanyId, ssn.Digits, employee.Id, EmployeeErrors.SsnTaken, cancellationToken) is { } refused)
                {
                    return refused;
                }

                employee.ChangeSsn(ssn, now);
                newSsn = new ProtectedSsn(pii.Protect(ssn.Digits), pii.BlindIndex(ssn.Digits), ssn.Last4);
            }

            if (command.FirstName.HasValue || command.LastName.HasValue)
            {
                employee.Rename(command.FirstName.GetValueOr(employee.FirstName)!, command.LastName.GetValueOr(employee.LastName)!, now);
            }

            var frequency = command.PayFrequency.HasValue ? W4Mapping.ParseValidatedPayFrequency(command.PayFrequency.Value) : employee.PayFrequency;

            var employment = employee.ChangeEmployment(
                command.HireDate.HasValue ? command.HireDate.Value!.Value : employee.HireDate,
                command.TerminationDate.HasValue ? command.TerminationDate.Value : employee.TerminationDate,
                frequency,
                command.Exempt.HasValue ? command.Exempt.Value!.Value : employee.Exempt,
                now);
            if (!employment.IsSuccess)
            {
                return Result<EmployeeDto>.Failure(employment.Errors);
            }

            if (command.W4.HasValue)
            {
                employee.ChangeW4(W4Mapping.ToForm(command.W4.Value!)!, command.W4EffectiveDate.Value!.Value, now);
            }

            if (command.Kr.HasValue)
            {
                var profile = command.Kr.Value!;
                employee.ChangeKoreaProfile(profile.ToDomain(profile.EffectiveDate!.Value), now);
            }

            await employees.UpdateAsync(employee, newSsn, cancellationToken);
            await audit.RecordAsync(
                new AuditEntry(AuditActions.EmployeeUpdated, employee.CompanyId, "employee", employee.Id, ChangedFields(command)), cancellationToken);
            return EmployeeDto.From(employee);
        }

        /// <summary>The fields the request set, with their new values; the SSN only as "changed", never its digits.</summary>
        private static Dictionary<string, object?> ChangedFields(UpdateEmployee command)
        {
            var changed = new Dictionary<string, object?>();
            if (command.FirstName.HasValue)
            {
                changed["firstName"] = command.FirstName.Value;
            }

            if (command.LastName.HasValue)
            {
                changed["lastName"] = command.LastName.Value;
            }

            if (command.Ssn.HasValue)
            {
                changed["ssn"] = "changed";
            }

            if (command.HireDate.HasValue)
            {
                changed["hireDate"] = command.HireDate.Value;
            }

            if (command.TerminationDate.HasValue)
            {
                changed["terminationDate"] = command.TerminationDate.Value;
            }

            if (command.PayFrequency.HasValue)
            {
                changed["payFrequency"] = command.PayFrequency.Value;
            }

            if (command.Exempt.HasValue)
            {
                changed["exempt"] = command.Exempt.Value;
            }

            if (command.W4.HasValue)
            {
                changed["w4"] = "changed";
                changed["w4EffectiveDate"] = command.W4EffectiveDate.Value;
            }

            // Like the SSN: never the 주민등록번호's digits, only that it changed.
            if (command.ResidentRegistrationNumber.HasValue)
            {
                changed["residentRegistrationNumber"] = "changed";
            }

            if (command.Kr.Value is { } kr)
            {
                changed["dependents"] = kr.Dependents;
                changed["childrenAged8To20"] = kr.ChildrenAged8To20 ?? 0;
                changed["withholdingRatio"] = kr.WithholdingRatio ?? 100;
                changed["profileEffectiveDate"] = kr.EffectiveDate;
            }

            return changed;
        }
    }
}
