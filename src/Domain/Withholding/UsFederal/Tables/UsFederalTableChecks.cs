using PayrollPortal.Domain.Withholding;
using System.Globalization;

namespace PayrollPortal.Domain.Withholding.UsFederal.Tables;

/// <summary>
/// The table files' <c>structuralChecks</c> as code, plus the shape rules the engine relies on. Every year's file must pass,
/// so a transcription slip (a digit dropped from a threshold, a checkbox row copied from the wrong schedule) stops start-up.
/// </summary>
public static class UsFederalTableChecks
{
    public const string Schema = "schema";
    public const string TaxYearMatchesFile = "tax-year-matches-file";
    public const string PayPeriods = "pay-periods";
    public const string BracketShape = "bracket-shape";
    public const string StandardFirstThreshold = "standard-first-threshold";
    public const string StandardTentativeContinuity = "standard-tentative-continuity";
    public const string Step2CheckboxDerivation = "step2-checkbox-derivation";
    public const string Line1g = "line1g";
    public const string AllowanceValue = "pre2020-allowance-value";
    public const string Fica = "fica";
    public const string SupplementalRates = "supplemental-rates";

    /// <summary>The order Table 3 must respect: fewer periods for longer ones.</summary>
    private static readonly PayFrequency[] LongestToShortest =
    [
        PayFrequency.Annual, PayFrequency.Semiannual, PayFrequency.Quarterly, PayFrequency.Monthly,
        PayFrequency.Semimonthly, PayFrequency.Biweekly, PayFrequency.Weekly, PayFrequency.Daily,
    ];

    public static void Verify(UsFederalTaxTable table)
    {
        CheckTaxYear(table);
        CheckPayPeriods(table);
        CheckLine1g(table);
        Require(table, table.AllowanceValue > 0m, AllowanceValue, "the pre-2020 allowance value must be positive.");
        foreach (var status in Enum.GetValues<FilingStatusTable>())
        {
            CheckShape(table, status, step2Checkbox: false);
            CheckShape(table, status, step2Checkbox: true);
            CheckStandardFirstThreshold(table, status);
            CheckStandardContinuity(table, status);
            CheckStep2Derivation(table, status);
        }

        CheckFica(table);
        CheckSupplemental(table);
    }

    private static void CheckTaxYear(UsFederalTaxTable table)
    {
        var expected = $"us-federal-{table.TaxYear.ToString(CultureInfo.InvariantCulture)}.json";
        Require(table, table.TaxYear is >= 2020 and <= 2100, TaxYearMatchesFile, $"tax year {table.TaxYear} is out of range.");
        Require(table, string.Equals(table.Source, expected, StringComparison.Ordinal), TaxYearMatchesFile, $"a {table.TaxYear} table must be named {expected}.");
    }

    private static void CheckPayPeriods(UsFederalTaxTable table)
    {
        Require(table, table.PayPeriodsPerYear(PayFrequency.Annual) == 1, PayPeriods, "an annual payroll has 1 period a year.");
        for (var i = 1; i < LongestToShortest.Length; i++)
        {
            var longer = LongestToShortest[i - 1];
            var shorter = LongestToShortest[i];
            Require(
                table,
                table.PayPeriodsPerYear(shorter) > table.PayPeriodsPerYear(longer),
                PayPeriods,
                $"{shorter} must have more periods a year than {longer}.");
        }
    }

    private static void CheckLine1g(UsFederalTaxTable table)
    {
        Require(table, table.Line1gWhenStep2Checked == 0m, Line1g, "line 1g must be 0 when the Step 2 box is checked.");
        foreach (var status in Enum.GetValues<FilingStatusTable>())
        {
            Require(table, table.Line1g(status) >= 0m, Line1g, $"{status} line 1g must not be negative.");
        }
    }

    private static void CheckShape(UsFederalTaxTable table, FilingStatusTable status, bool step2Checkbox)
    {
        var rows = table.ScheduleRows(step2Checkbox, status);
        var name = ScheduleName(status, step2Checkbox);
        Require(table, rows.Length >= 2, BracketShape, $"{name} needs at least two rows.");
        Require(table, rows[0].AtLeast == 0m && rows[0].Rate == 0m && rows[0].TentativeAmount == 0m, BracketShape, $"{name} must start with a zero-rate row at 0.");
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var last = i == rows.Length - 1;
            Require(table, row.OfAmountExceeding == row.AtLeast, BracketShape, $"{name} row {i + 1}: 'of amount exceeding' must equal 'at least'.");
            Require(table, row.Rate is >= 0m and < 1m, BracketShape, $"{name} row {i + 1}: rate {row.Rate} is not a fraction.");
            Require(
                table,
                last ? row.ButLessThan is null : row.ButLessThan == rows[i + 1].AtLeast,
                BracketShape,
                last ? $"{name}: only the top row is open-ended." : $"{name} row {i + 1}: 'but less than' must be the next row's 'at least'.");
            if (!last)
            {
                Require(table, rows[i + 1].AtLeast > row.AtLeast && rows[i + 1].Rate > row.Rate, BracketShape, $"{name} row {i + 2}: thresholds and rates must rise.");
            }
        }
    }

    private static void CheckStandardFirstThreshold(UsFederalTaxTable table, FilingStatusTable status)
    {
        var expected = table.StandardDeduction(status) - table.Line1g(status);
        var actual = table.ScheduleRows(false, status)[1].AtLeast;
        Require(
            table,
            actual == expected,
            StandardFirstThreshold,
            $"{ScheduleName(status, false)} first taxed threshold {actual} must be the standard deduction {table.StandardDeduction(status)} minus line 1g {table.Line1g(status)} = {expected}.");
    }

    private static void CheckStandardContinuity(UsFederalTaxTable table, FilingStatusTable status)
    {
        var rows = table.ScheduleRows(false, status);
        for (var i = 1; i < rows.Length; i++)
        {
            var expected = rows[i - 1].TentativeAmount + (rows[i - 1].Rate * (rows[i].AtLeast - rows[i - 1].AtLeast));
            Require(
                table,
                rows[i].TentativeAmount == expected,
                StandardTentativeContinuity,
                $"{ScheduleName(status, false)} row {i + 1} tentative amount {rows[i].TentativeAmount} must be {expected}.");
        }
    }

    private static void CheckStep2Derivation(UsFederalTaxTable table, FilingStatusTable status)
    {
        var standard = table.ScheduleRows(false, status);
        var checkbox = table.ScheduleRows(true, status);
        var name = ScheduleName(status, true);
        Require(table, standard.Length == checkbox.Length, Step2CheckboxDerivation, $"{name} must have as many rows as the standard schedule.");
        for (var i = 0; i < standard.Length; i++)
        {
            var expectedAtLeast = i == 0 ? 0m : decimal.Round((standard[i].AtLeast + table.Line1g(status)) / 2m, 0, MidpointRounding.AwayFromZero);
            var expectedTentative = decimal.Round(standard[i].TentativeAmount / 2m, 2, MidpointRounding.AwayFromZero);
            Require(table, checkbox[i].AtLeast == expectedAtLeast, Step2CheckboxDerivation, $"{name} row {i + 1} 'at least' {checkbox[i].AtLeast} must be {expectedAtLeast}.");
            Require(table, checkbox[i].TentativeAmount == expectedTentative, Step2CheckboxDerivation, $"{name} row {i + 1} tentative amount {checkbox[i].TentativeAmount} must be {expectedTentative}.");
            Require(table, checkbox[i].Rate == standard[i].Rate, Step2CheckboxDerivation, $"{name} row {i + 1} rate {checkbox[i].Rate} must equal the standard rate {standard[i].Rate}.");
        }
    }

    private static void CheckFica(UsFederalTaxTable table)
    {
        var fica = table.Fica;
        Require(table, IsRate(fica.SocialSecurityEmployeeRate) && IsRate(fica.SocialSecurityEmployerRate), Fica, "Social Security rates must be fractions between 0 and 1.");
        Require(table, IsRate(fica.MedicareEmployeeRate) && IsRate(fica.MedicareEmployerRate), Fica, "Medicare rates must be fractions between 0 and 1.");
        Require(table, IsRate(fica.AdditionalMedicareEmployeeRate), Fica, "the Additional Medicare rate must be a fraction between 0 and 1.");
        Require(table, fica.SocialSecurityWageBase > 0m && fica.AdditionalMedicareThreshold > 0m, Fica, "the wage base and the Additional Medicare threshold must be positive.");
        if (fica.MaxEmployeeSocialSecurityTax is { } max)
        {
            var expected = decimal.Round(fica.SocialSecurityWageBase * fica.SocialSecurityEmployeeRate, 2, MidpointRounding.AwayFromZero);
            Require(table, max == expected, Fica, $"maximum employee Social Security tax {max} must be the wage base times the rate, {expected}.");
        }
    }

    private static void CheckSupplemental(UsFederalTaxTable table)
    {
        Require(
            table,
            IsRate(table.SupplementalFlatRate) && IsRate(table.SupplementalMandatoryRate) && table.SupplementalFlatRate < table.SupplementalMandatoryRate,
            SupplementalRates,
            "supplemental rates must be fractions, the optional flat rate below the mandatory one.");
        foreach (var status in Enum.GetValues<FilingStatusTable>())
        {
            var top = table.ScheduleRows(false, status)[^1].Rate;
            Require(
                table,
                table.SupplementalMandatoryRate == top,
                SupplementalRates,
                $"the mandatory supplemental rate {table.SupplementalMandatoryRate} must be the top income tax rate {top}.");
        }
    }

    private static bool IsRate(decimal rate) => rate is > 0m and < 1m;

    private static string ScheduleName(FilingStatusTable status, bool step2Checkbox) =>
        $"{(step2Checkbox ? "step2Checkbox" : "standard")}.{status}";

    private static void Require(UsFederalTaxTable table, bool condition, string check, string detail)
    {
        if (!condition)
        {
            throw new InvalidTaxTableException(table.Source, check, detail);
        }
    }
}
