using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>The us-federal module's answers to requests shaped for another regime, and its payroll errors.</summary>
internal static class UsFederalRequestErrors
{
    public static Error NotALineField(string field) => Error.Validation(
        "payroll.regime_mismatch",
        $"{field} is not a field of a {UsFederalRegime.RegimeCode} line: send grossWages, supplementalWages, preTaxDeductions and postTaxDeductions.",
        field);

    public static Error NotAnEmployeeField(string field) => Error.Validation(
        "employee.regime_mismatch",
        $"{field} does not apply to an employee of a {UsFederalRegime.RegimeCode} company: send ssn, payFrequency, exempt, w4 (with w4EffectiveDate), workState and stateCertificate (with stateEffectiveDate).",
        field);

    public static Error NotACalculationField(string field) => Error.Validation(
        "withholding.regime_mismatch",
        $"{field} is not a field of a {UsFederalRegime.RegimeCode} calculation: send taxYear, payFrequency, grossWages, supplementalWages, preTaxDeductions, w4, ytd, exempt, payDate and state.",
        field);

    public static Error NotACompensationField(string field) => Error.Validation(
        "compensation.regime_mismatch",
        $"{field} is not a field of a {UsFederalRegime.RegimeCode} compensation record: send effectiveFrom, payType, annualSalary or hourlyRate, retirementPercent or retirementAmount, cafeteria, hsa and postTaxDeductions.",
        field);

    public static Error NoW4(int index, DateOnly payDate) =>
        Error.Validation("payroll.no_w4", $"The employee has no W-4 in effect on the pay date {payDate:yyyy-MM-dd}.", $"lines[{index}].employeeId");
}
