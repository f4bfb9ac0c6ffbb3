namespace PayrollPortal.Application.Regimes;

/// <summary>
/// The words a regime's payslip prints, in its language(s): a payslip may be bilingual, the local language first. Each section title
/// is indexed by <see cref="PayslipSection"/>.
/// </summary>
public sealed record PayslipLabels(
    string Title,
    string Employer,
    string EmployerIdentifier,
    string Address,
    string Employee,
    string PayPeriod,
    string PayDate,
    string Item,
    string Current,
    string YearToDate,
    IReadOnlyDictionary<PayslipSection, string> Sections,
    string GrossPay,
    string TotalDeductions,
    string NetPay,
    string AmountsIn)
{
    /// <summary>What a regime without a payslip part prints: English, the figures every regime has.</summary>
    public static PayslipLabels Neutral { get; } = new(
        "Payslip", "Employer", "Tax ID", "Address", "Employee", "Pay period", "Pay date", "Item", "Current", "Year to date",
        new Dictionary<PayslipSection, string>
        {
            [PayslipSection.Earnings] = "Earnings",
            [PayslipSection.PreTaxDeductions] = "Pre-tax deductions",
            [PayslipSection.Taxes] = "Taxes withheld",
            [PayslipSection.PostTaxDeductions] = "Post-tax deductions",
        },
        "Gross pay", "Total deductions", "Net pay", "Amounts in");
}
