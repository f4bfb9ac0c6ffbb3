using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding.UsFederal.Tables;

namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>
/// US federal withholding: income tax by the IRS Publication 15-T percentage method for automated payroll systems
/// (Worksheet 1A, both Form W-4 revisions), flat-rate supplemental withholding, and Social Security, Medicare and
/// Additional Medicare. Decimal arithmetic at full precision throughout; each amount is rounded half-up to cents once, at the end.
/// </summary>
public sealed class UsFederalRegime : IWithholdingRegime<UsFederalWithholdingInput, UsFederalWithholding>
{
    public const string RegimeCode = "us-federal";

    /// <summary>Well above any real pay, and low enough that annualising a daily amount cannot overflow a decimal.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>A two-digit box on the 2019 form; more is a typing error, not a claim.</summary>
    public const int MaxAllowances = 99;

    /// <summary>Statutory (IRC 3402(g), AJCA 2004) and not indexed, so it is not a per-year table figure.</summary>
    public const decimal MandatorySupplementalThreshold = 1_000_000m;

    private readonly UsFederalTaxTable?[] _tablesByYear;
    private readonly int _firstYear;

    public UsFederalRegime(IEnumerable<UsFederalTaxTable> tables)
    {
        var ordered = tables.OrderBy(t => t.TaxYear).ToArray();
        if (ordered.Length == 0)
        {
            throw new ArgumentException("The us-federal regime needs at least one tax year's table.", nameof(tables));
        }

        _firstYear = ordered[0].TaxYear;
        _tablesByYear = new UsFederalTaxTable?[ordered[^1].TaxYear - _firstYear + 1];
        foreach (var table in ordered)
        {
            if (_tablesByYear[table.TaxYear - _firstYear] is not null)
            {
                throw new ArgumentException($"Two us-federal tables for tax year {table.TaxYear}.", nameof(tables));
            }

            _tablesByYear[table.TaxYear - _firstYear] = table;
        }

        TaxYears = ordered.Select(t => t.TaxYear).ToArray();
    }

    public string Code => RegimeCode;

    public IReadOnlyList<int> TaxYears { get; }

    /// <summary>The regime over every table embedded in the Domain assembly, each checked; throws <see cref="InvalidTaxTableException"/> on a bad one.</summary>
    public static UsFederalRegime FromEmbeddedTables() => new(UsFederalTables.LoadAll());

    public bool HasTaxYear(int taxYear) => FindTable(taxYear) is not null;

    public Result<UsFederalWithholding> Calculate(UsFederalWithholdingInput input)
    {
        var errors = Validate(input);
        if (errors is not null)
        {
            return Result<UsFederalWithholding>.Failure(errors);
        }

        var table = FindTable(input.TaxYear)!;
        var deductions = input.PreTaxDeductions;
        var ficaExcluded = deductions.Cafeteria + deductions.Hsa;
        var incomeTaxExcluded = ficaExcluded + deductions.Retirement;

        // Deductions come out of regular pay first; only what regular pay cannot absorb reduces the supplemental payment.
        var regularIncomeTaxWages = Math.Max(0m, input.GrossWages - incomeTaxExcluded);
        var supplementalIncomeTaxWages = input.SupplementalWages - Math.Max(0m, incomeTaxExcluded - input.GrossWages);
        var ficaWages = input.GrossWages + input.SupplementalWages - ficaExcluded;

        var trace = Worksheet1A(table, input, regularIncomeTaxWages);
        trace = Supplemental(table, input, supplementalIncomeTaxWages, trace);

        var fica = table.Fica;
        var socialSecurityWages = Math.Min(ficaWages, Math.Max(0m, fica.SocialSecurityWageBase - input.YearToDate.SocialSecurityWages));
        var ytdMedicare = input.YearToDate.MedicareWages;
        var additionalMedicareWages = Math.Max(0m, ytdMedicare + ficaWages - Math.Max(ytdMedicare, fica.AdditionalMedicareThreshold));

        return new UsFederalWithholding(
            FederalIncomeTax: Cents(trace.Line4b + trace.SupplementalIncomeTax),
            SocialSecurity: Cents(socialSecurityWages * fica.SocialSecurityEmployeeRate),
            Medicare: Cents(ficaWages * fica.MedicareEmployeeRate),
            AdditionalMedicare: Cents(additionalMedicareWages * fica.AdditionalMedicareEmployeeRate),
            EmployerSocialSecurity: Cents(socialSecurityWages * fica.SocialSecurityEmployerRate),
            EmployerMedicare: Cents(ficaWages * fica.MedicareEmployerRate),
            TaxableWages: new UsTaxableWages(
                FederalIncomeTax: Cents(regularIncomeTaxWages + supplementalIncomeTaxWages),
                Supplemental: Cents(supplementalIncomeTaxWages),
                SocialSecurity: Cents(socialSecurityWages),
                Medicare: Cents(ficaWages),
                AdditionalMedicare: Cents(additionalMedicareWages)),
            Trace: trace);
    }

    /// <summary>
    /// Checks what the type system cannot. Returns null when the input is valid, so the common path allocates nothing.
    /// </summary>
    public IReadOnlyList<Error>? Validate(UsFederalWithholdingInput input)
    {
        List<Error>? errors = null;

        if (FindTable(input.TaxYear) is null)
        {
            Add(ref errors, UsFederalErrors.TaxYearUnavailable(input.TaxYear, TaxYears));
        }

        if (!Enum.IsDefined(input.PayFrequency))
        {
            Add(ref errors, UsFederalErrors.PayFrequencyUnknown);
        }

        CheckAmount(ref errors, input.GrossWages, "grossWages");
        CheckAmount(ref errors, input.SupplementalWages, "supplementalWages");
        CheckAmount(ref errors, input.PreTaxDeductions.Retirement, "preTaxDeductions.retirement");
        CheckAmount(ref errors, input.PreTaxDeductions.Cafeteria, "preTaxDeductions.cafeteria");
        CheckAmount(ref errors, input.PreTaxDeductions.Hsa, "preTaxDeductions.hsa");
        CheckAmount(ref errors, input.YearToDate.SocialSecurityWages, "ytd.socialSecurityWages");
        CheckAmount(ref errors, input.YearToDate.MedicareWages, "ytd.medicareWages");
        CheckAmount(ref errors, input.YearToDate.SupplementalWages, "ytd.supplementalWages");

        switch (input.W4)
        {
            case FormW4From2020 w4:
                if (!Enum.IsDefined(w4.FilingStatus))
                {
                    Add(ref errors, UsFederalErrors.FilingStatusUnknown);
                }

                CheckAmount(ref errors, w4.Step3Dependents, "w4.step3Dependents");
                CheckAmount(ref errors, w4.Step4aOtherIncome, "w4.step4aOtherIncome");
                CheckAmount(ref errors, w4.Step4bDeductions, "w4.step4bDeductions");
                CheckAmount(ref errors, w4.Step4cExtraWithholding, "w4.step4cExtraWithholding");
                break;
            case FormW4Before2020 w4:
                if (!Enum.IsDefined(w4.MaritalStatus))
                {
                    Add(ref errors, UsFederalErrors.MaritalStatusUnknown);
                }

                if (w4.Allowances is < 0 or > MaxAllowances)
                {
                    Add(ref errors, UsFederalErrors.AllowancesOutOfRange);
                }

                CheckAmount(ref errors, w4.ExtraWithholding, "w4.extraWithholding");
                break;
            default:
                Add(ref errors, UsFederalErrors.W4Required);
                break;
        }

        // Summed only once each amount is known to be in range, so no input can overflow a decimal.
        if (errors is null)
        {
            var deductions = input.PreTaxDeductions.Retirement + input.PreTaxDeductions.Cafeteria + input.PreTaxDeductions.Hsa;
            var wages = input.GrossWages + input.SupplementalWages;
            if (deductions > wages)
            {
                Add(ref errors, UsFederalErrors.DeductionsExceedWages(deductions, wages));
            }
        }

        return errors;
    }

    private static UsWorksheetTrace Worksheet1A(UsFederalTaxTable table, UsFederalWithholdingInput input, decimal wages)
    {
        decimal periods = table.PayPeriodsPerYear(input.PayFrequency);
        var annualWages = wages * periods;

        if (input.W4.Exempt)
        {
            return new UsWorksheetTrace
            {
                Revision = input.W4 is FormW4From2020 ? FormW4Revision.From2020 : FormW4Revision.Before2020,
                Exempt = true,
                Line1a = wages,
                Line1b = periods,
                Line1c = annualWages,
            };
        }

        UsWorksheetTrace trace;
        TaxBracket[] schedule;
        if (input.W4 is FormW4From2020 w4)
        {
            var status = ScheduleFor(w4.FilingStatus);
            var line1e = annualWages + w4.Step4aOtherIncome;
            var line1g = w4.Step2Checkbox ? table.Line1gWhenStep2Checked : table.Line1g(status);
            var line1h = w4.Step4bDeductions + line1g;
            var line1i = Math.Max(0m, line1e - line1h);
            schedule = table.ScheduleRows(w4.Step2Checkbox, status);
            trace = new UsWorksheetTrace
            {
                Revision = FormW4Revision.From2020,
                Line1d = w4.Step4aOtherIncome,
                Line1e = line1e,
                Line1f = w4.Step4bDeductions,
                Line1g = line1g,
                Line1h = line1h,
                Line1i = line1i,
                Line2a = line1i,
                Line3a = w4.Step3Dependents,
                Line4a = w4.Step4cExtraWithholding,
            };
        }
        else
        {
            var old = (FormW4Before2020)input.W4;
            var line1k = old.Allowances * table.AllowanceValue;
            var line1l = Math.Max(0m, annualWages - line1k);

            // A 2019-or-earlier form never uses the Step 2 schedules or line 1g; "married, withhold at higher single rate" is single.
            schedule = table.ScheduleRows(false, old.MaritalStatus == Pre2020MaritalStatus.Married
                ? FilingStatusTable.MarriedFilingJointly
                : FilingStatusTable.SingleOrMarriedFilingSeparately);
            trace = new UsWorksheetTrace
            {
                Revision = FormW4Revision.Before2020,
                Line1j = old.Allowances,
                Line1k = line1k,
                Line1l = line1l,
                Line2a = line1l,
                Line4a = old.ExtraWithholding,
            };
        }

        var row = FindRow(schedule, trace.Line2a);
        var line2e = trace.Line2a - row.AtLeast;
        var line2f = line2e * row.Rate;
        var line2g = row.TentativeAmount + line2f;
        var line2h = line2g / periods;
        var line3b = trace.Line3a / periods;
        var line3c = Math.Max(0m, line2h - line3b);

        return trace with
        {
            Line1a = wages,
            Line1b = periods,
            Line1c = annualWages,
            Line2b = row.AtLeast,
            Line2c = row.TentativeAmount,
            Line2d = row.Rate,
            Line2e = line2e,
            Line2f = line2f,
            Line2g = line2g,
            Line2h = line2h,
            Line3b = line3b,
            Line3c = line3c,
            Line4b = line3c + trace.Line4a,
        };
    }

    private static UsWorksheetTrace Supplemental(UsFederalTaxTable table, UsFederalWithholdingInput input, decimal wages, UsWorksheetTrace trace)
    {
        var roomBelowThreshold = Math.Max(0m, MandatorySupplementalThreshold - input.YearToDate.SupplementalWages);
        var flatRateWages = Math.Min(wages, roomBelowThreshold);
        var mandatoryRateWages = wages - flatRateWages;

        // The mandatory rate applies whatever the Form W-4 says, exempt included (Treas. Reg. 31.3402(g)-1(a)(2)).
        var flatRateTax = input.W4.Exempt ? 0m : flatRateWages * table.SupplementalFlatRate;
        return trace with
        {
            SupplementalFlatRateWages = flatRateWages,
            SupplementalMandatoryRateWages = mandatoryRateWages,
            SupplementalIncomeTax = flatRateTax + (mandatoryRateWages * table.SupplementalMandatoryRate),
        };
    }

    private static TaxBracket FindRow(TaxBracket[] schedule, decimal adjustedAnnualWages)
    {
        for (var i = schedule.Length - 1; i > 0; i--)
        {
            if (schedule[i].AtLeast <= adjustedAnnualWages)
            {
                return schedule[i];
            }
        }

        return schedule[0];
    }

    /// <summary>Married filing separately uses the single schedule; a qualifying surviving spouse uses married filing jointly.</summary>
    private static FilingStatusTable ScheduleFor(FilingStatus status) => status switch
    {
        FilingStatus.MarriedFilingJointly or FilingStatus.QualifyingSurvivingSpouse => FilingStatusTable.MarriedFilingJointly,
        FilingStatus.HeadOfHousehold => FilingStatusTable.HeadOfHousehold,
        _ => FilingStatusTable.SingleOrMarriedFilingSeparately,
    };

    /// <summary>Half-up to cents, always written with two decimal places (adding 0.00m fixes the decimal's scale).</summary>
    private static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    private UsFederalTaxTable? FindTable(int taxYear)
    {
        var index = taxYear - _firstYear;
        return index >= 0 && index < _tablesByYear.Length ? _tablesByYear[index] : null;
    }

    private static void CheckAmount(ref List<Error>? errors, decimal amount, string field)
    {
        if (amount < 0m)
        {
            Add(ref errors, UsFederalErrors.AmountNegative(field));
        }
        else if (amount > MaxAmount)
        {
            Add(ref errors, UsFederalErrors.AmountTooLarge(field));
        }
    }

    private static void Add(ref List<Error>? errors, Error error) => (errors ??= []).Add(error);
}
