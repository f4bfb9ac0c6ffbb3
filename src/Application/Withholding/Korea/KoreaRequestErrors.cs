using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>The kr module's answers to requests shaped for another regime, and its payroll and employee errors.</summary>
internal static class KoreaRequestErrors
{
    public static readonly Error RrnTaken = Error.Conflict(
        "employee.rrn_taken", "An employee with this residentRegistrationNumber already exists in the company.", "residentRegistrationNumber");

    public static readonly Error KrEffectiveDateRequired = Error.Validation(
        "employee.kr_effective_date_required", "A new kr profile needs kr.effectiveDate, the first pay date it applies to.", "kr.effectiveDate");

    public static Error NotALineField(string field) => Error.Validation(
        "payroll.regime_mismatch",
        $"{field} is not a field of a {KoreaRegime.RegimeCode} line: send basePay, taxableAllowances, bonus, nonTaxable and postTaxDeductions.",
        field);

    public static Error NotAnEmployeeField(string field) => Error.Validation(
        "employee.regime_mismatch",
        $"{field} does not apply to an employee of a {KoreaRegime.RegimeCode} company: send residentRegistrationNumber or kr (a profile with its effectiveDate).",
        field);

    public static Error NotACalculationField(string field) => Error.Validation(
        "withholding.regime_mismatch",
        $"{field} is not a field of a {KoreaRegime.RegimeCode} calculation: send payMonth, payDate, monthlyPay, nonTaxable, dependents, childrenAged8To20 and withholdingRatio.",
        field);

    public static Error NotACompensationField(string field) => Error.Validation(
        "compensation.regime_mismatch",
        $"{field} is not a field of a {KoreaRegime.RegimeCode} compensation record: send effectiveFrom, payType (\"monthly\"), monthlyBase and taxableAllowances; non-taxable amounts stay in the kr profile.",
        field);

    public static Error NoProfile(int index, DateOnly payDate) => Error.Validation(
        "payroll.no_kr_profile", $"The employee has no kr withholding profile in effect on the pay date {payDate:yyyy-MM-dd}.", $"lines[{index}].employeeId");
}
