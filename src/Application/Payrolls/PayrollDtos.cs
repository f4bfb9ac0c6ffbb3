using System.Text.Json;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Withholding;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;
using PayrollPortal.Application.Withholding.Korea;
using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Application.Payrolls;

public sealed record PayrollDto(
    Guid Id,
    Guid CompanyId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly PayDate,
    int TaxYear,
    string PayFrequency,
    string Status,
    bool NeedsReview,
    string? ReviewReason,
    string? VoidReason,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? VoidedAt,
    PayrollTotalsDto Totals,
    IReadOnlyList<PayrollLineDto> Lines,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Regime = UsFederalRegime.RegimeCode,
    string Currency = "USD",
    KoreaPayrollTotalsDto? KrTotals = null)
{
    /// <summary>Amounts in the payroll's currency: two decimals for USD, integers for KRW.</summary>
    public static PayrollDto From(Payroll payroll)
    {
        var currency = payroll.IsKorea ? Domain.Common.Currency.Krw : Domain.Common.Currency.Usd;
        return new(
        payroll.Id,
        payroll.CompanyId,
        payroll.PeriodStart,
        payroll.PeriodEnd,
        payroll.PayDate,
        payroll.TaxYear,
        W4Mapping.ToText(payroll.PayFrequency),
        W4Mapping.ToText(payroll.Status),
        payroll.NeedsReview,
        payroll.ReviewReason,
        payroll.VoidReason,
        payroll.ApprovedAt,
        payroll.VoidedAt,
        PayrollTotalsDto.From(payroll.Lines, currency),
        [.. payroll.Lines.Select(l => PayrollLineDto.From(l, currency))],
        payroll.CreatedAt,
        payroll.UpdatedAt,
        payroll.IsKorea ? KoreaRegime.RegimeCode : UsFederalRegime.RegimeCode,
        currency.Code,
        payroll.IsKorea ? KoreaPayrollTotalsDto.From(payroll.Lines) : null);
    }
}

public sealed record PayrollLineDto(
    int LineNumber,
    Guid EmployeeId,
    string EmployeeName,
    string SsnLast4,
    decimal GrossWages,
    decimal SupplementalWages,
    WithholdingPreTaxDeductions PreTaxDeductions,
    decimal PostTaxDeductions,
    LineTaxableWagesDto TaxableWages,
    LineWithholdingsDto Withholdings,
    EmployerTaxesDto EmployerTaxes,
    decimal NetPay,
    DateOnly W4EffectiveDate,
    JsonElement Trace,
    KoreaPayrollLineDto? Kr = null)
{
    public static PayrollLineDto From(PayrollLine line) => From(line, Currency.Usd);

    /// <summary>For a kr line, <see cref="GrossWages"/> is base pay + taxable and non-taxable allowances, <see cref="SupplementalWages"/> the bonus.</summary>
    public static PayrollLineDto From(PayrollLine line, Currency currency) => new(
        line.LineNumber,
        line.EmployeeId,
        line.EmployeeName,
        line.SsnLast4,
        currency.ToAmount(line.Inputs.GrossWages),
        currency.ToAmount(line.Inputs.SupplementalWages),
        new WithholdingPreTaxDeductions(currency.ToAmount(line.Inputs.Retirement), currency.ToAmount(line.Inputs.Cafeteria), currency.ToAmount(line.Inputs.Hsa)),
        currency.ToAmount(line.Inputs.PostTaxDeductions),
        new LineTaxableWagesDto(
            currency.ToAmount(line.TaxableWages.FederalIncomeTax), currency.ToAmount(line.TaxableWages.SocialSecurity), currency.ToAmount(line.TaxableWages.Medicare),
            currency.ToAmount(line.TaxableWages.AdditionalMedicare)),
        new LineWithholdingsDto(
            currency.ToAmount(line.Withholdings.FederalIncomeTax), currency.ToAmount(line.Withholdings.SocialSecurity), currency.ToAmount(line.Withholdings.Medicare),
            currency.ToAmount(line.Withholdings.AdditionalMedicare)),
        new EmployerTaxesDto(currency.ToAmount(line.EmployerTaxes.SocialSecurity), currency.ToAmount(line.EmployerTaxes.Medicare)),
        currency.ToAmount(line.NetPay),
        line.W4EffectiveDate,
        JsonDocument.Parse(line.Trace).RootElement.Clone(),
        line.Korea is { } kr ? KoreaPayrollLineDto.From(kr) : null);
}

public sealed record LineTaxableWagesDto(decimal FederalIncomeTax, decimal SocialSecurity, decimal Medicare, decimal AdditionalMedicare);

public sealed record LineWithholdingsDto(decimal FederalIncomeTax, decimal SocialSecurity, decimal Medicare, decimal AdditionalMedicare);

/// <summary>A payroll's sums; <see cref="EmployerTaxes"/> is the employer's Social Security and Medicare share.</summary>
public sealed record PayrollTotalsDto(
    int LineCount,
    decimal GrossWages,
    decimal SupplementalWages,
    decimal PreTaxDeductions,
    decimal PostTaxDeductions,
    decimal FederalIncomeTax,
    decimal SocialSecurity,
    decimal Medicare,
    decimal AdditionalMedicare,
    decimal EmployerSocialSecurity,
    decimal EmployerMedicare,
    decimal NetPay)
{
    public static PayrollTotalsDto From(IReadOnlyList<PayrollLine> lines) => From(lines, Currency.Usd);

    public static PayrollTotalsDto From(IReadOnlyList<PayrollLine> lines, Currency currency)
    {
        decimal Sum(Func<PayrollLine, Money> pick) => currency.ToAmount(lines.Aggregate(Money.Zero, (total, line) => total + pick(line)));
        return new PayrollTotalsDto(
            lines.Count,
            Sum(l => l.Inputs.GrossWages),
            Sum(l => l.Inputs.SupplementalWages),
            Sum(l => l.Inputs.Retirement + l.Inputs.Cafeteria + l.Inputs.Hsa),
            Sum(l => l.Inputs.PostTaxDeductions),
            Sum(l => l.Withholdings.FederalIncomeTax),
            Sum(l => l.Withholdings.SocialSecurity),
            Sum(l => l.Withholdings.Medicare),
            Sum(l => l.Withholdings.AdditionalMedicare),
            Sum(l => l.EmployerTaxes.SocialSecurity),
            Sum(l => l.EmployerTaxes.Medicare),
            Sum(l => l.NetPay));
    }
}

/// <summary>A payroll in a list: everything but the lines.</summary>
public sealed record PayrollSummaryDto(
    Guid Id,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly PayDate,
    string PayFrequency,
    string Status,
    bool NeedsReview,
    PayrollTotalsDto Totals,
    DateTimeOffset CreatedAt);
