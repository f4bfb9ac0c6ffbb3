using System.Text.Json;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Schedules;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Withholding.UsFederal;

/// <summary>
/// us-federal runs: a salary divided by the periods per year (52, 26, 24, 12) and prorated by weekdays for a mid-period hire
/// or termination; an hourly rate times the hours, overtime at 1.5 times the rate. Each amount is computed exactly and
/// rounded once, half away from zero, to the cent. The recurring deductions are taken every period, unprorated.
/// </summary>
public sealed class UsFederalPayRuns : IPayRuns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly UsCompensationRequest.Validator Rules = new();

    public string Regime => UsFederalRegime.RegimeCode;

    public bool AllowsFrequency(PayFrequency frequency) => true;

    public Result<ICompensationTerms> ReadCompensation(RegimeFields fields)
    {
        var read = fields.Read(string.Empty, UsFederalRequestErrors.NotACompensationField, Rules);
        if (!read.IsSuccess)
        {
            return Result<ICompensationTerms>.Failure(read.Errors);
        }

        var r = read.Value!;
        return new UsCompensationTerms(
            r.PayType!,
            r.AnnualSalary is { } salary ? Money.FromDecimal(salary).Cents : null,
            r.HourlyRate is { } rate ? Money.FromDecimal(rate).Cents : null,
            r.RetirementPercent is { } percent ? (int)(percent * 100) : null,
            Cents(r.RetirementAmount),
            Cents(r.Cafeteria),
            Cents(r.Hsa),
            Cents(r.PostTaxDeductions));
    }

    public string Store(ICompensationTerms terms) => JsonSerializer.Serialize((UsCompensationTerms)terms, Json);

    public ICompensationTerms Restore(string payType, string stored) => JsonSerializer.Deserialize<UsCompensationTerms>(stored, Json)!;

    public void Describe(ICompensationTerms terms, IDictionary<string, object?> members)
    {
        var us = (UsCompensationTerms)terms;
        if (us.AnnualSalary is { } salary)
        {
            members["annualSalary"] = new Money(salary).Amount;
        }

        if (us.HourlyRate is { } rate)
        {
            members["hourlyRate"] = new Money(rate).Amount;
        }

        if (us.RetirementBasisPoints is { } points)
        {
            members["retirementPercent"] = points / 100m;
        }
        else
        {
            members["retirementAmount"] = new Money(us.RetirementAmount).Amount;
        }

        members["cafeteria"] = new Money(us.Cafeteria).Amount;
        members["hsa"] = new Money(us.Hsa).Amount;
        members["postTaxDeductions"] = new Money(us.PostTaxDeductions).Amount;
    }

    public Result<GeneratedLine> LineFor(RunLine line)
    {
        var terms = (UsCompensationTerms)line.Terms;
        var (start, end, _) = line.Period;
        long gross;
        LineEarnings earnings;
        if (terms.IsHourly)
        {
            var hours = line.Hours!;
            var rate = terms.HourlyRate!.Value;
            gross = Round((hours.RegularHours * rate) + (hours.OvertimeHours * rate * 1.5m));
            earnings = new LineEarnings(terms.PayType, hours.RegularHours, hours.OvertimeHours, rate);
        }
        else
        {
            var perYear = PaySchedule.PeriodsPerYear(line.Frequency);
            var proration = Proration.Weekdays(start, end, line.Employee.HireDate, line.Employee.TerminationDate);
            gross = proration is { } p
                ? Round(terms.AnnualSalary!.Value * (decimal)p.DaysEmployed / (perYear * (decimal)p.DaysInPeriod))
                : Round(terms.AnnualSalary!.Value / (decimal)perYear);
            earnings = new LineEarnings(terms.PayType, DaysEmployed: proration?.DaysEmployed, DaysInPeriod: proration?.DaysInPeriod,
                ProrationBasis: proration is null ? null : LineEarnings.Weekdays);
        }

        var retirement = terms.RetirementBasisPoints is { } points ? Round(gross * (decimal)points / 10_000m) : terms.RetirementAmount;
        return new GeneratedLine(
            new UsFederalLineInput(new Money(gross), Money.Zero, new Money(retirement), new Money(terms.Cafeteria), new Money(terms.Hsa), new Money(terms.PostTaxDeductions)),
            earnings);
    }

    public ILineInput WithOneOffs(ILineInput draft, PayrollLine previous, IPayrollLines lines) =>
        (UsFederalLineInput)draft with { SupplementalWages = ((UsFederalLineInput)lines.InputOf(previous)).SupplementalWages };

    private static long Round(decimal cents) => (long)Math.Round(cents, 0, MidpointRounding.AwayFromZero);

    private static long Cents(decimal? amount) => amount is { } value ? Money.FromDecimal(value).Cents : 0;
}
