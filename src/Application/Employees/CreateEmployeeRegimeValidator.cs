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
    public CreateEmployeeRegimeValidator(ICompanyQueries companies, RegimeParts<IEmployeeProfiles> regimes, EmployeeAssignment assignment) =>
        RuleFor(x => x).CustomAsync(async (command, context, cancellationToken) =>
        {
            if (await companies.GetAsync(command.CompanyId, cancellationToken) is { } company)
            {
                var regime = regimes.For(company.Regime);
                var schedule = await assignment.FindScheduleAsync(command.CompanyId, command.PayScheduleId, cancellationToken);
                var fields = EmployeeAssignment.WithScheduleFrequency(command.Fields, schedule, regime);
                context.AddFailures(regime.ForHire(new RegimeFields(fields), command.HireDate ?? DateOnly.MinValue).Errors);
            }
        });
}
