namespace PayrollPortal.Domain.Withholding.UsFederal.Tables;

/// <summary>
/// One tax year's figures for the us-federal regime, parsed from its embedded JSON file and checked by
/// <see cref="UsFederalTableChecks"/> before any calculation can use it.
/// </summary>
public sealed class UsFederalTaxTable
{
    private readonly int[] _payPeriods;
    private readonly decimal[] _line1g;
    private readonly decimal[] _standardDeductions;
    private readonly TaxBracket[][] _standard;
    private readonly TaxBracket[][] _step2Checkbox;

    internal UsFederalTaxTable(
        string source,
        int taxYear,
        int[] payPeriods,
        decimal[] line1g,
        decimal line1gWhenStep2Checked,
        decimal allowanceValue,
        decimal[] standardDeductions,
        TaxBracket[][] standard,
        TaxBracket[][] step2Checkbox,
        FicaRates fica,
        decimal supplementalFlatRate,
        decimal supplementalMandatoryRate)
    {
        Source = source;
        TaxYear = taxYear;
        _payPeriods = payPeriods;
        _line1g = line1g;
        Line1gWhenStep2Checked = line1gWhenStep2Checked;
        AllowanceValue = allowanceValue;
        _standardDeductions = standardDeductions;
        _standard = standard;
        _step2Checkbox = step2Checkbox;
        Fica = fica;
        SupplementalFlatRate = supplementalFlatRate;
        SupplementalMandatoryRate = supplementalMandatoryRate;
    }

    /// <summary>The file the table came from, named in every failed check.</summary>
    public string Source { get; }

    public int TaxYear { get; }

    public decimal Line1gWhenStep2Checked { get; }

    /// <summary>Line 1k's value of one allowance on a Form W-4 from 2019 or earlier.</summary>
    public decimal AllowanceValue { get; }

    public FicaRates Fica { get; }

    public decimal SupplementalFlatRate { get; }

    public decimal SupplementalMandatoryRate { get; }

    public int PayPeriodsPerYear(PayFrequency frequency) => _payPeriods[(int)frequency];

    public decimal Line1g(FilingStatusTable status) => _line1g[(int)status];

    /// <summary>The standard deduction the IRS built this year's schedules from; only the structural checks need it.</summary>
    public decimal StandardDeduction(FilingStatusTable status) => _standardDeductions[(int)status];

    public IReadOnlyList<TaxBracket> Schedule(bool step2Checkbox, FilingStatusTable status) => ScheduleRows(step2Checkbox, status);

    internal TaxBracket[] ScheduleRows(bool step2Checkbox, FilingStatusTable status) =>
        (step2Checkbox ? _step2Checkbox : _standard)[(int)status];
}
