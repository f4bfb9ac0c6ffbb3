using PayrollPortal.Application.Regimes;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>A us-federal compensation record, amounts in cents; the retirement percent in hundredths of a percent.</summary>
public sealed record UsCompensationTerms(
    string PayType,
    long? AnnualSalary,
    long? HourlyRate,
    int? RetirementBasisPoints,
    long RetirementAmount,
    long Cafeteria,
    long Hsa,
    long PostTaxDeductions) : ICompensationTerms
{
    public const string Salary = "salary";
    public const string Hourly = "hourly";

    public bool IsHourly => PayType == Hourly;
}
