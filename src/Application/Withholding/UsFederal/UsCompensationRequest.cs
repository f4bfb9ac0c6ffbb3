using FluentValidation;
using PayrollPortal.Application.Common.Validation;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// A us-federal compensation record's members: a salary or an hourly rate, and the recurring deductions taken every period
/// (pre-tax retirement as a percent of the period's gross or as an amount, cafeteria, HSA, post-tax).
/// </summary>
public sealed record UsCompensationRequest(
    string? PayType,
    decimal? AnnualSalary = null,
    decimal? HourlyRate = null,
    decimal? RetirementPercent = null,
    decimal? RetirementAmount = null,
    decimal? Cafeteria = null,
    decimal? Hsa = null,
    decimal? PostTaxDeductions = null)
{
    /// <summary>Above the IRS's cap on elective deferrals as a share of any real pay; a typo, not a plan.</summary>
    public const decimal MaxRetirementPercent = 100m;

    public const decimal MaxHourlyRate = 100_000m;

    public sealed class Validator : AbstractValidator<UsCompensationRequest>
    {
        public Validator()
        {
            RuleFor(x => x.PayType).Must(t => t is UsCompensationTerms.Salary or UsCompensationTerms.Hourly)
                .WithErrorCode("compensation.pay_type_invalid").WithMessage("payType must be \"salary\" or \"hourly\" for a us-federal company.");
            RuleFor(x => x.AnnualSalary).NotNull().When(x => x.PayType == UsCompensationTerms.Salary)
                .WithErrorCode("compensation.annual_salary_required").WithMessage("annualSalary is required for a salaried record.");
            RuleFor(x => x.AnnualSalary).Null().When(x => x.PayType == UsCompensationTerms.Hourly)
                .WithErrorCode("compensation.annual_salary_not_hourly").WithMessage("An hourly record has hourlyRate, not annualSalary.");
            RuleFor(x => x.HourlyRate).NotNull().When(x => x.PayType == UsCompensationTerms.Hourly)
                .WithErrorCode("compensation.hourly_rate_required").WithMessage("hourlyRate is required for an hourly record.");
            RuleFor(x => x.HourlyRate).Null().When(x => x.PayType == UsCompensationTerms.Salary)
                .WithErrorCode("compensation.hourly_rate_not_salary").WithMessage("A salaried record has annualSalary, not hourlyRate.");
            RuleFor(x => x.AnnualSalary).ValidAmount();
            RuleFor(x => x.HourlyRate).ValidAmount();
            RuleFor(x => x.HourlyRate).LessThanOrEqualTo(MaxHourlyRate).WithErrorCode("compensation.hourly_rate_too_high")
                .WithMessage($"hourlyRate must be at most {MaxHourlyRate:0}.");
            RuleFor(x => x.RetirementPercent).InclusiveBetween(0m, MaxRetirementPercent).WithErrorCode("compensation.retirement_percent_invalid")
                .WithMessage("retirementPercent must be from 0 to 100, with at most two decimal places.")
                .Must(p => p is null || decimal.Round(p.Value, 2) == p.Value).WithErrorCode("compensation.retirement_percent_invalid")
                .WithMessage("retirementPercent must be from 0 to 100, with at most two decimal places.");
            RuleFor(x => x.RetirementAmount).Null().When(x => x.RetirementPercent is not null)
                .WithErrorCode("compensation.retirement_both").WithMessage("Give retirementPercent or retirementAmount, not both.");
            RuleFor(x => x.RetirementAmount).ValidAmount();
            RuleFor(x => x.Cafeteria).ValidAmount();
            RuleFor(x => x.Hsa).ValidAmount();
            RuleFor(x => x.PostTaxDeductions).ValidAmount();
        }
    }
}
