using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using PayrollPortal.Application.Audit;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Employees;

/// <summary>
/// A partial update: fields left out are unchanged. The names and dates are the same for every company; the company's
/// regime applies the rest (a corrected SSN or 주민등록번호, a new W-4 or kr profile joining its history) or refuses the
/// whole request, so nothing is half-applied.
/// </summary>
[Requires(Access.PayrollManager)]
public sealed record UpdateEmployee(
    Guid CompanyId,
    Guid Id,
    Optional<string?> FirstName,
    Optional<string?> LastName,
    Optional<DateOnly?> HireDate,
    Optional<DateOnly?> TerminationDate) : ICommand<Result<EmployeeDto>>, ICompanyScoped
{
    /// <summary>Every other member of the request: the regime's fields.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }

    /// <summary>A new employee number; null clears it.</summary>
    public Optional<string?> EmployeeNumber { get; init; }

    /// <summary>A new pay schedule, whose frequency becomes the employee's; null takes the employee off any schedule.</summary>
    public Optional<Guid?> PayScheduleId { get; init; }

    public sealed class Validator : AbstractValidator<UpdateEmployee>
    {
        public Validator()
        {
            RuleFor(x => x.FirstName.Value).PersonName().When(x => x.FirstName.HasValue).OverridePropertyName("firstName");
            RuleFor(x => x.LastName.Value).PersonName().When(x => x.LastName.HasValue).OverridePropertyName("lastName");
            RuleFor(x => x.HireDate.Value).NotNull().When(x => x.HireDate.HasValue).OverridePropertyName("hireDate")
                .WithErrorCode("employee.hire_date_required").WithMessage("Hire date cannot be cleared.");
            RuleFor(x => x.EmployeeNumber.Value).Must(EmployeeAssignment.IsValidNumber).When(x => x.EmployeeNumber.HasValue)
                .OverridePropertyName("employeeNumber")
                .WithErrorCode(EmployeeAssignment.NumberInvalid.Code).WithMessage(EmployeeAssignment.NumberInvalid.Message);
        }
    }

    public sealed class Handler(
        IEmployeeRepository employees, RegimeParts<IEmployeeProfiles> regimes, EmployeeHiring identifiers, EmployeeAssignment assignment,
        IAuditTrail audit, TimeProvider clock) : ICommandHandler<UpdateEmployee, Result<EmployeeDto>>
    {
        public async ValueTask<Result<EmployeeDto>> Handle(UpdateEmployee command, CancellationToken cancellationToken)
        {
            var employee = await employees.GetAsync(command.CompanyId, command.Id, cancellationToken);
            if (employee is null)
            {
                return EmployeeErrors.NotFound;
            }

            var regime = regimes.For(employee.TaxProfile.Regime);
            var change = regime.Change(new RegimeFields(command.Fields), employee);
            if (!change.IsSuccess)
            {
                return Result<EmployeeDto>.Failure(change.Errors);
            }

            Domain.Schedules.PaySchedule? schedule = null;
            if (command.PayScheduleId is { HasValue: true, Value: { } scheduleId })
            {
                var assigned = await assignment.ScheduleAsync(command.CompanyId, scheduleId, change.Value!.PayFrequency, cancellationToken);
                if (!assigned.IsSuccess)
                {
                    return Result<EmployeeDto>.Failure(assigned.Errors);
                }

                schedule = assigned.Value;
            }
            else if (!command.PayScheduleId.HasValue && employee.PayScheduleId is { } current && change.Value!.PayFrequency is { } frequency)
            {
                var kept = await assignment.ScheduleAsync(command.CompanyId, current, frequency, cancellationToken);
                if (!kept.IsSuccess)
                {
                    return Result<EmployeeDto>.Failure(kept.Errors);
                }
            }

            if (command.EmployeeNumber.HasValue
                && await assignment.NumberRefusalAsync(command.CompanyId, command.EmployeeNumber.Value, employee.Id, cancellationToken) is { } taken)
            {
                return taken;
            }

            var now = clock.GetUtcNow();
            ProtectedSsn? newId = null;
            if (change.Value!.NationalId is { } id)
            {
                var protectedId = await identifiers.ChangeAsync(employee, id, cancellationToken);
                if (!protectedId.IsSuccess)
                {
                    return Result<EmployeeDto>.Failure(protectedId.Errors);
                }

                newId = protectedId.Value;
                employee.ChangeNationalId(id.Last4, now);
            }

            if (command.FirstName.HasValue || command.LastName.HasValue)
            {
                employee.Rename(command.FirstName.GetValueOr(employee.FirstName)!, command.LastName.GetValueOr(employee.LastName)!, now);
            }

            var employment = employee.ChangeEmployment(
                command.HireDate.HasValue ? command.HireDate.Value!.Value : employee.HireDate,
                command.TerminationDate.HasValue ? command.TerminationDate.Value : employee.TerminationDate,
                change.Value.PayFrequency ?? employee.PayFrequency,
                now);
            if (!employment.IsSuccess)
            {
                return Result<EmployeeDto>.Failure(employment.Errors);
            }

            if (command.EmployeeNumber.HasValue)
            {
                employee.ChangeNumber(command.EmployeeNumber.Value, now);
            }

            if (schedule is not null)
            {
                employee.AssignSchedule(schedule.Id, schedule.Frequency, now);
            }
            else if (command.PayScheduleId is { HasValue: true, Value: null })
            {
                employee.WithNumberAndSchedule(employee.EmployeeNumber, null);
            }

            await employees.UpdateAsync(employee, newId, cancellationToken);
            await audit.RecordAsync(
                new AuditEntry(AuditActions.EmployeeUpdated, employee.CompanyId, "employee", employee.Id, ChangedFields(command, change.Value.AuditDetails)),
                cancellationToken);
            return EmployeeDto.From(employee, regime);
        }

        /// <summary>The fields the request set, with their new values; identifiers only as "changed", never their digits.</summary>
        private static Dictionary<string, object?> ChangedFields(UpdateEmployee command, IReadOnlyDictionary<string, object?> regimeFields)
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

            if (command.HireDate.HasValue)
            {
                changed["hireDate"] = command.HireDate.Value;
            }

            if (command.TerminationDate.HasValue)
            {
                changed["terminationDate"] = command.TerminationDate.Value;
            }

            if (command.EmployeeNumber.HasValue)
            {
                changed["employeeNumber"] = command.EmployeeNumber.Value;
            }

            if (command.PayScheduleId.HasValue)
            {
                changed["payScheduleId"] = command.PayScheduleId.Value;
            }

            foreach (var (key, value) in regimeFields)
            {
                changed[key] = value;
            }

            return changed;
        }
    }
}
