using PayrollPortal.Domain.Withholding;
using PayrollPortal.Application.Common;
using FluentValidation;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Employees;

/// <summary>Field rules shared by creating and changing an employee.</summary>
internal static class EmployeeRules
{
    public const int MaxNameLength = 100;

    public static IRuleBuilderOptions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= MaxNameLength)
            .WithErrorCode("employee.name_invalid").WithMessage($"Must be 1 to {MaxNameLength} characters.")
            .Must(n => !UnsafeText.Contains(n)).WithErrorCode("employee.name_invalid_characters").WithMessage("Name " + UnsafeText.Message);

    public static IRuleBuilderOptions<T, string?> KnownPayFrequency<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(f => EnumText.TryParse(f, out PayFrequency _)).WithErrorCode("employee.pay_frequency_unknown")
            .WithMessage("Pay frequency must be weekly, biweekly, semimonthly, monthly, quarterly, semiannual, annual or daily.");
}
