using System.Globalization;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// The us-federal pay stub: the employer's EIN, the employee's SSN last four, the regular pay with its hours and rate (or its
/// proration), supplemental pay, the three pre-tax deductions, each tax withheld (federal income tax, Social Security,
/// Medicare, Additional Medicare, the work state's income tax) and the post-tax deductions.
/// </summary>
public sealed class UsFederalPayslips : IPayslips
{
    public string Regime => UsFederalRegime.RegimeCode;

    public PayslipLabels Labels { get; } = PayslipLabels.Neutral with { Title = "Earnings statement", EmployerIdentifier = "EIN" };

    public string? EmployerIdentifier(CompanyDto company) => company.Ein;

    public (string Label, string Value)? EmployeeIdentifier(PayrollLine line, string? employeeNumber, Func<string> nationalId) => ("SSN", "XXX-XX-" + line.SsnLast4);

    public IReadOnlyList<PayslipItem> Items(PayrollLine line)
    {
        var us = (UsPayrollLine)line.Details;
        var items = new List<PayslipItem>
        {
            new(PayslipSection.Earnings, "regularPay", "Regular pay", line.GrossWages.Cents, Calculation(line.Earnings)),
            new(PayslipSection.Earnings, "supplementalWages", "Supplemental pay (bonus)", line.SupplementalWages.Cents),
            new(PayslipSection.PreTaxDeductions, "retirement", "Retirement (401(k))", us.Retirement.Cents),
            new(PayslipSection.PreTaxDeductions, "cafeteria", "Cafeteria plan (section 125)", us.Cafeteria.Cents),
            new(PayslipSection.PreTaxDeductions, "hsa", "Health savings account", us.Hsa.Cents),
            new(PayslipSection.Taxes, "federalIncomeTax", "Federal income tax", us.Withholdings.FederalIncomeTax.Cents),
            new(PayslipSection.Taxes, "socialSecurity", "Social Security", us.Withholdings.SocialSecurity.Cents),
            new(PayslipSection.Taxes, "medicare", "Medicare", us.Withholdings.Medicare.Cents),
            new(PayslipSection.Taxes, "additionalMedicare", "Additional Medicare", us.Withholdings.AdditionalMedicare.Cents),
        };
        if (us.State is { } state)
        {
            items.Add(new(PayslipSection.Taxes, "stateIncomeTax:" + state.Jurisdiction, $"{state.Jurisdiction} state income tax", state.IncomeTax.Cents));
        }

        items.Add(new(PayslipSection.PostTaxDeductions, "postTaxDeductions", "Post-tax deductions", line.PostTaxDeductions.Cents));
        return items;
    }

    /// <summary>Hours × rate (overtime at 1.5) for an hourly line, the weekdays worked for a prorated salary; else null.</summary>
    private static string? Calculation(LineEarnings? earnings)
    {
        if (earnings?.Rate is { } rate)
        {
            var regular = string.Create(CultureInfo.InvariantCulture, $"{earnings.RegularHours ?? 0:0.00} h × {new Money(rate).Amount:#,##0.00}");
            return earnings.OvertimeHours is > 0 and var overtime
                ? regular + string.Create(CultureInfo.InvariantCulture, $" + overtime {overtime:0.00} h × {new Money(rate).Amount:#,##0.00} × 1.5")
                : regular;
        }

        return earnings is { DaysEmployed: { } employed, DaysInPeriod: { } days }
            ? string.Create(CultureInfo.InvariantCulture, $"Prorated: {employed} of {days} weekdays")
            : null;
    }
}
