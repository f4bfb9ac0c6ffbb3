using System.Text.Json;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Domain.Schedules;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.Korea;

namespace PayrollPortal.Application.Withholding.Korea;

/// <summary>
/// kr runs: monthly, the record's base and taxable allowances plus the non-taxable amounts of the employee's kr profile.
/// A month the employee joined or left inside is prorated by calendar days (일할계산), each amount truncated to the won,
/// and its 국민연금 and 건강·장기요양보험 follow the acquisition- and loss-month rules (<see cref="KoreaPremiumMonth"/>).
/// </summary>
public sealed class KoreaPayRuns : IPayRuns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly KoreaCompensationRequest.Validator Rules = new();

    public string Regime => KoreaRegime.RegimeCode;

    public bool AllowsFrequency(PayFrequency frequency) => frequency == PayFrequency.Monthly;

    public Result<ICompensationTerms> ReadCompensation(RegimeFields fields)
    {
        var read = fields.Read(string.Empty, KoreaRequestErrors.NotACompensationField, Rules);
        return read.IsSuccess
            ? new KoreaCompensationTerms(KrwAmount.ToKrw(read.Value!.MonthlyBase), KrwAmount.ToKrw(read.Value.TaxableAllowances))
            : Result<ICompensationTerms>.Failure(read.Errors);
    }

    public string Store(ICompensationTerms terms) => JsonSerializer.Serialize((KoreaCompensationTerms)terms, Json);

    public ICompensationTerms Restore(string payType, string stored) => JsonSerializer.Deserialize<KoreaCompensationTerms>(stored, Json)!;

    public void Describe(ICompensationTerms terms, IDictionary<string, object?> members)
    {
        var kr = (KoreaCompensationTerms)terms;
        members["monthlyBase"] = kr.MonthlyBase;
        members["taxableAllowances"] = kr.TaxableAllowances;
    }

    public Result<GeneratedLine> LineFor(RunLine line)
    {
        var terms = (KoreaCompensationTerms)line.Terms;
        var (start, end, payDate) = line.Period;
        var employee = line.Employee;
        if (((KoreaEmployeeProfile)employee.TaxProfile).On(payDate) is not { } profile)
        {
            return KoreaRequestErrors.NoProfile(line.Index, payDate);
        }

        var proration = Proration.CalendarDays(start, end, employee.HireDate, employee.TerminationDate);
        long Prorate(long amount) => proration is { } p ? amount * p.DaysEmployed / p.DaysInPeriod : amount;

        var allowances = profile.MonthlyNonTaxable;
        var nonTaxable = new KoreaNonTaxableAllowances(Prorate(allowances.Meals), Prorate(allowances.CarAllowance), Prorate(allowances.Childcare));
        var premium = KoreaPremiumMonth.For(start, employee.HireDate, employee.TerminationDate, terms.MonthlyBase + terms.TaxableAllowances);
        return new GeneratedLine(
            new KoreaLineInput(Prorate(terms.MonthlyBase), Prorate(terms.TaxableAllowances), 0, nonTaxable, Money.Zero, premium?.Rule),
            new LineEarnings(
                terms.PayType, DaysEmployed: proration?.DaysEmployed, DaysInPeriod: proration?.DaysInPeriod,
                ProrationBasis: proration is null ? null : LineEarnings.CalendarDays, InsuranceMonth: premium?.Kind));
    }

    public ILineInput WithOneOffs(ILineInput draft, PayrollLine previous, IPayrollLines lines) =>
        (KoreaLineInput)draft with { Bonus = ((KoreaLineInput)lines.InputOf(previous)).Bonus };
}
