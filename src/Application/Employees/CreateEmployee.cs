using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Employees;

/// <summary>
/// Hires an employee. The names and dates are the same for every company; the company's regime reads the rest (the SSN,
/// pay frequency and W-4 for us-federal; the 주민등록번호 and the kr profile for kr) and builds the employee's tax profile.
/// </summary>
[Requires(Access.PayrollManager)]
public sealed record CreateEmployee(
    Guid CompanyId,
    string? FirstName,
    string? LastName,
    DateOnly? HireDate,
    DateOnly? TerminationDate) : ICommand<Result<EmployeeDto>>, ICompanyScoped
{
    /// <summary>Every other member of the request: the regime's fields.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }

    /// <summary>The company's number for the person, unique in the company.</summary>
    public string? EmployeeNumber { get; init; }

    /// <summary>The pay schedule; its frequency becomes the employee's.</summary>
    public Guid? PayScheduleId { get; init; }

    public sealed class Validator : AbstractValidator<CreateEmployee>
    {
        public Validator()
        {
            RuleFor(x => x.FirstName).PersonName();
            RuleFor(x => x.LastName).PersonName();
            RuleFor(x => x.HireDate).NotNull().WithErrorCode("employee.hire_date_required").WithMessage("Hire date is required.");
            RuleFor(x => x.TerminationDate).GreaterThanOrEqualTo(x => x.HireDate).When(x => x.TerminationDate is not null && x.HireDate is not null)
                .WithErrorCode(EmployeeErrors.TerminationBeforeHire.Code).WithMessage(EmployeeErrors.TerminationBeforeHire.Message);
            RuleFor(x => x.EmployeeNumber).Must(EmployeeAssignment.IsValidNumber)
                .WithErrorCode(EmployeeAssignment.NumberInvalid.Code).WithMessage(EmployeeAssignment.NumberInvalid.Message);
        }
    }

    public sealed class Handler(
        ICompanyQueries companies, RegimeParts<IEmployeeProfiles> regimes, EmployeeHiring hiring, EmployeeAssignment assignment, TimeProvider clock)
        : ICommandHandler<CreateEmployee, Result<EmployeeDto>>
    {
        public async ValueTask<Result<EmployeeDto>> Handle(CreateEmployee command, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(command.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            var regime = regimes.For(company.Regime);
            var hireDate = command.HireDate!.Value;
            var fields = command.Fields ?? [];
            Domain.Schedules.PaySchedule? schedule = null;
            if (command.PayScheduleId is { } scheduleId)
            {
                var requested = fields.TryGetValue("payFrequency", out var sent) && sent.ValueKind == JsonValueKind.String
                    && Common.EnumText.TryParse(sent.GetString(), out Domain.Withholding.PayFrequency parsed) ? parsed : (Domain.Withholding.PayFrequency?)null;
                var assigned = await assignment.ScheduleAsync(command.CompanyId, scheduleId, requested, cancellationToken);
                if (!assigned.IsSuccess)
                {
                    return Result<EmployeeDto>.Failure(assigned.Errors);
                }

                schedule = assigned.Value!;
                fields = EmployeeAssignment.WithScheduleFrequency(fields, schedule, regime);
            }

            if (await assignment.NumberRefusalAsync(command.CompanyId, command.EmployeeNumber, null, cancellationToken) is { } taken)
            {
                return taken;
            }

            var profile = regime.ForHire(new RegimeFields(fields), hireDate);
            if (!profile.IsSuccess)
            {
                return Result<EmployeeDto>.Failure(profile.Errors);
            }

            var (taxProfile, id, frequency, regimeDetails) = profile.Value!;
            var employee = Employee.Hire(
                    command.CompanyId, command.FirstName!, command.LastName!, id.Last4, hireDate, command.TerminationDate, schedule?.Frequency ?? frequency,
                    taxProfile, clock.GetUtcNow())
                .WithNumberAndSchedule(command.EmployeeNumber, schedule?.Id);
            var details = new Dictionary<string, object?>
            {
                ["firstName"] = employee.FirstName,
                ["lastName"] = employee.LastName,
                ["hireDate"] = employee.HireDate,
                ["terminationDate"] = employee.TerminationDate,
                ["employeeNumber"] = employee.EmployeeNumber,
                ["payScheduleId"] = employee.PayScheduleId,
            };
            foreach (var (key, value) in regimeDetails)
            {
                details[key] = value;
            }

            var hired = await hiring.HireAsync(employee, id, details, cancellationToken);
            return hired.IsSuccess ? EmployeeDto.From(hired.Value!, regime) : Result<EmployeeDto>.Failure(hired.Errors);
        }
    }
}
