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

    public sealed class Validator : AbstractValidator<CreateEmployee>
    {
        public Validator()
        {
            RuleFor(x => x.FirstName).PersonName();
            RuleFor(x => x.LastName).PersonName();
            RuleFor(x => x.HireDate).NotNull().WithErrorCode("employee.hire_date_required").WithMessage("Hire date is required.");
            RuleFor(x => x.TerminationDate).GreaterThanOrEqualTo(x => x.HireDate).When(x => x.TerminationDate is not null && x.HireDate is not null)
                .WithErrorCode(EmployeeErrors.TerminationBeforeHire.Code).WithMessage(EmployeeErrors.TerminationBeforeHire.Message);
        }
    }

    public sealed class Handler(ICompanyQueries companies, RegimeParts<IEmployeeProfiles> regimes, EmployeeHiring hiring, TimeProvider clock)
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
            var profile = regime.ForHire(new RegimeFields(command.Fields), hireDate);
            if (!profile.IsSuccess)
            {
                return Result<EmployeeDto>.Failure(profile.Errors);
            }

            var (taxProfile, id, frequency, regimeDetails) = profile.Value!;
            var employee = Employee.Hire(
                command.CompanyId, command.FirstName!, command.LastName!, id.Last4, hireDate, command.TerminationDate, frequency, taxProfile, clock.GetUtcNow());
            var details = new Dictionary<string, object?>
            {
                ["firstName"] = employee.FirstName,
                ["lastName"] = employee.LastName,
                ["hireDate"] = employee.HireDate,
                ["terminationDate"] = employee.TerminationDate,
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
