using FluentValidation;
using Mediator;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Withholding;
using PayrollPortal.Application.Withholding.Korea;
using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Employees;

namespace PayrollPortal.Application.Employees;

/// <param name="W4EffectiveDate">The first pay date the W-4 applies to; defaults to the hire date.</param>
[Requires(Access.PayrollManager)]
public sealed record CreateEmployee(
    Guid CompanyId,
    string? FirstName,
    string? LastName,
    string? Ssn,
    DateOnly? HireDate,
    DateOnly? TerminationDate,
    string? PayFrequency,
    bool? Exempt,
    WithholdingW4? W4,
    DateOnly? W4EffectiveDate = null) : ICommand<Result<EmployeeDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<CreateEmployee>
    {
        public Validator()
        {
            RuleFor(x => x.FirstName).PersonName();
            RuleFor(x => x.LastName).PersonName();
            RuleFor(x => x.Ssn).MustBeValid(Domain.Employees.Ssn.Create);
            RuleFor(x => x.HireDate).NotNull().WithErrorCode("employee.hire_date_required").WithMessage("Hire date is required.");
            RuleFor(x => x.TerminationDate).GreaterThanOrEqualTo(x => x.HireDate).When(x => x.TerminationDate is not null && x.HireDate is not null)
                .WithErrorCode(EmployeeErrors.TerminationBeforeHire.Code).WithMessage(EmployeeErrors.TerminationBeforeHire.Message);
            RuleFor(x => x.PayFrequency).KnownPayFrequency();
            RuleFor(x => x.W4).NotNull().WithErrorCode("employee.w4_required").WithMessage("A Form W-4 is required.")
                .SetValidator(new W4Validator()!);
        }
    }

    public sealed class Handler(ICompanyQueries companies, EmployeeHiring hiring, TimeProvider clock)
        : ICommandHandler<CreateEmployee, Result<EmployeeDto>>
    {
        public async ValueTask<Result<EmployeeDto>> Handle(CreateEmployee command, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(command.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            if (company.Regime == KoreaRegime.RegimeCode)
            {
                return KoreaCompanyErrors.KoreaCompany;
            }

            var ssn = Domain.Employees.Ssn.Create(command.Ssn).Value!;
            var frequency = W4Mapping.ParseValidatedPayFrequency(command.PayFrequency);
            var hireDate = command.HireDate!.Value;
            var employee = Employee.Hire(
                command.CompanyId, command.FirstName!, command.LastName!, ssn, hireDate, command.TerminationDate, frequency,
                command.Exempt ?? false, W4Mapping.ToForm(command.W4!)!, command.W4EffectiveDate ?? hireDate, clock.GetUtcNow());
            return await hiring.HireAsync(employee, ssn.Digits, ssn.Last4, EmployeeErrors.SsnTaken, new Dictionary<string, object?>
            {
                ["firstName"] = employee.FirstName,
                ["lastName"] = employee.LastName,
                ["hireDate"] = employee.HireDate,
                ["terminationDate"] = employee.TerminationDate,
                ["payFrequency"] = command.PayFrequency,
                ["exempt"] = employee.Exempt,
                ["w4EffectiveDate"] = command.W4EffectiveDate ?? hireDate,
            }, cancellationToken);
        }
    }
}
