using FluentValidation;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Regimes;

namespace PayrollPortal.Application.Employees;

/// <summary>The company's regime checks its fields of a change in the validation stage, beside the core rules.</summary>
internal sealed class UpdateEmployeeRegimeValidator : AbstractValidator<UpdateEmployee>, IScopedValidator
{
    public UpdateEmployeeRegimeValidator(ICompanyQueries companies, RegimeParts<IEmployeeProfiles> regimes) =>
        RuleFor(x => x).CustomAsync(async (command, context, cancellationToken) =>
        {
            if (await companies.GetAsync(command.CompanyId, cancellationToken) is { } company)
            {
                context.AddFailures(regimes.For(company.Regime).CheckChange(new RegimeFields(command.Fields)));
            }
        });
}
