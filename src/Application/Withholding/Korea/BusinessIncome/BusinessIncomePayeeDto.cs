using PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>A payee as the API shows it: the 주민등록번호 masked to its last four digits, the treaty rate in percent.</summary>
public sealed record BusinessIncomePayeeDto(
    Guid Id, string Name, string ResidentRegistrationNumber, string ResidentType, string BusinessTypeCode, decimal? TreatyRate, decimal IncomeTaxRate,
    DateTimeOffset CreatedAt)
{
    public static BusinessIncomePayeeDto From(BusinessIncomePayee payee) => new(
        payee.Id, payee.Name, Domain.Withholding.Korea.ResidentRegistrationNumber.Mask(payee.RrnLast4), BusinessIncomeText.Of(payee.ResidentType), payee.BusinessTypeCode,
        payee.TreatyRateBasisPoints is { } treaty ? BusinessIncomeText.Percent(treaty) : null, BusinessIncomeText.Percent(payee.RateBasisPoints),
        payee.CreatedAt);
}
