using FluentValidation;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Regimes;

namespace PayrollPortal.Application.Employees;

/// <summary>
/// The company's regime checks its fields of a new employee in the validation stage, beside the core rules, so a form with
/// mistakes in both gets every error in one answer.
/// </summary>
internal sealed class CreateEmployeeRegimeValidator : AbstractValidator<CreateEmployee>, IScopedValidator
{
    public CreateEmployeeRegimeValidator(ICompanyQueries companies, RegimeParts<IEmployeeProfiles> regimes) =>
        RuleFor(x => x).CustomAsync(async (command, context, cancellationToken) =>
        {
            if (await companies.GetAsync(command.CompanyId, cancellationToken) is { } company)
            {
                context.AddFailures(regimes.For(company.Regime).ForHire(new RegimeFields(command.Fields), command.HireDate ?? DateOnly.MinValue).Errors);
            }
        });
}
