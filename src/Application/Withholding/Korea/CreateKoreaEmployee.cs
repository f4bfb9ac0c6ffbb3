using FluentValidation;
using Mediator;
using PayrollPortal.Application.Common.Security;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Application.Identity;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Employees;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>
/// Hires an employee of a kr company. The 주민등록번호 is protected exactly like the SSN: encrypted under the PII key ring,
/// a keyed blind index for the per-company duplicate check, and only its last four digits kept in clear.
/// </summary>
[Requires(Access.PayrollManager)]
public sealed record CreateKoreaEmployee(
    Guid CompanyId,
    string? FirstName,
    string? LastName,
    string? ResidentRegistrationNumber,
    DateOnly? HireDate,
    DateOnly? TerminationDate,
    KoreaProfileDto? Kr) : ICommand<Result<EmployeeDto>>, ICompanyScoped
{
    public sealed class Validator : AbstractValidator<CreateKoreaEmployee>
    {
        public Validator()
        {
            RuleFor(x => x.FirstName).PersonName();
            RuleFor(x => x.LastName).PersonName();
            RuleFor(x => x.ResidentRegistrationNumber).MustBeValid(Domain.Withholding.Korea.ResidentRegistrationNumber.Create);
            RuleFor(x => x.HireDate).NotNull().WithErrorCode("employee.hire_date_required").WithMessage("Hire date is required.");
            RuleFor(x => x.TerminationDate).GreaterThanOrEqualTo(x => x.HireDate).When(x => x.TerminationDate is not null && x.HireDate is not null)
                .WithErrorCode(EmployeeErrors.TerminationBeforeHire.Code).WithMessage(EmployeeErrors.TerminationBeforeHire.Message);
            RuleFor(x => x.Kr).NotNull().WithErrorCode("employee.kr_required").WithMessage("kr (the withholding profile) is required.")
                .SetValidator(new KoreaProfileValidator()!);
        }
    }

    public sealed class Handler(ICompanyQueries companies, EmployeeHiring hiring, TimeProvider clock)
        : ICommandHandler<CreateKoreaEmployee, Result<EmployeeDto>>
    {
        public async ValueTask<Result<EmployeeDto>> Handle(CreateKoreaEmployee command, CancellationToken cancellationToken)
        {
            var company = await companies.GetAsync(command.CompanyId, cancellationToken);
            if (company is null)
            {
                return CompanyErrors.NotFound;
            }

            if (company.Regime != KoreaRegime.RegimeCode)
            {
                return KoreaCompanyErrors.NotKoreaCompany;
            }

            var rrn = Domain.Withholding.Korea.ResidentRegistrationNumber.Create(command.ResidentRegistrationNumber).Value!;
            var hireDate = command.HireDate!.Value;
            var profile = command.Kr!.ToDomain(hireDate);
            var employee = Employee.HireKorea(
                command.CompanyId, command.FirstName!, command.LastName!, rrn, hireDate, command.TerminationDate, profile, clock.GetUtcNow());
            return await hiring.HireAsync(employee, rrn.Digits, rrn.Last4, KoreaCompanyErrors.RrnTaken, new Dictionary<string, object?>
            {
                ["firstName"] = employee.FirstName,
                ["lastName"] = employee.LastName,
                ["hireDate"] = employee.HireDate,
                ["terminationDate"] = employee.TerminationDate,
                ["regime"] = KoreaRegime.RegimeCode,
                ["dependents"] = profile.Dependents,
                ["childrenAged8To20"] = profile.ChildrenAged8To20,
                ["withholdingRatio"] = profile.WithholdingRatio,
                ["profileEffectiveDate"] = profile.EffectiveDate,
            }, cancellationToken);
        }
    }
}
