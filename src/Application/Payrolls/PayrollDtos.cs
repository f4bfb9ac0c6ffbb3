using System.Text.Json;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Withholding;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Payrolls;

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
    DateTimeOffset UpdatedAt)
{
    public static PayrollDto From(Payroll payroll) => new(
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
        PayrollTotalsDto.From(payroll.Lines),
        [.. payroll.Lines.Select(PayrollLineDto.From)],
        payroll.CreatedAt,
        payroll.UpdatedAt);
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
    JsonElement Trace)
{
    public static PayrollLineDto From(PayrollLine line) => new(
        line.LineNumber,
        line.EmployeeId,
        line.EmployeeName,
        line.SsnLast4,
        line.Inputs.GrossWages.Amount,
        line.Inputs.SupplementalWages.Amount,
        new WithholdingPreTaxDeductions(line.Inputs.Retirement.Amount, line.Inputs.Cafeteria.Amount, line.Inputs.Hsa.Amount),
        line.Inputs.PostTaxDeductions.Amount,
        new LineTaxableWagesDto(
            line.TaxableWages.FederalIncomeTax.Amount, line.TaxableWages.SocialSecurity.Amount, line.TaxableWages.Medicare.Amount,
            line.TaxableWages.AdditionalMedicare.Amount),
        new LineWithholdingsDto(
            line.Withholdings.FederalIncomeTax.Amount, line.Withholdings.SocialSecurity.Amount, line.Withholdings.Medicare.Amount,
            line.Withholdings.AdditionalMedicare.Amount),
        new EmployerTaxesDto(line.EmployerTaxes.SocialSecurity.Amount, line.EmployerTaxes.Medicare.Amount),
        line.NetPay.Amount,
        line.W4EffectiveDate,
        JsonDocument.Parse(line.Trace).RootElement.Clone());
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
    public static PayrollTotalsDto From(IReadOnlyList<PayrollLine> lines)
    {
        Money Sum(Func<PayrollLine, Money> pick) => lines.Aggregate(Money.Zero, (total, line) => total + pick(line));
        return new PayrollTotalsDto(
            lines.Count,
            Sum(l => l.Inputs.GrossWages).Amount,
            Sum(l => l.Inputs.SupplementalWages).Amount,
            Sum(l => l.Inputs.Retirement + l.Inputs.Cafeteria + l.Inputs.Hsa).Amount,
            Sum(l => l.Inputs.PostTaxDeductions).Amount,
            Sum(l => l.Withholdings.FederalIncomeTax).Amount,
            Sum(l => l.Withholdings.SocialSecurity).Amount,
            Sum(l => l.Withholdings.Medicare).Amount,
            Sum(l => l.Withholdings.AdditionalMedicare).Amount,
            Sum(l => l.EmployerTaxes.SocialSecurity).Amount,
            Sum(l => l.EmployerTaxes.Medicare).Amount,
            Sum(l => l.NetPay).Amount);
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
