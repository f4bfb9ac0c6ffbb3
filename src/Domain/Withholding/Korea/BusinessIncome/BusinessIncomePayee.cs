namespace PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

/// <summary>
/// A person paid business income (a freelancer, 사업소득자). The 주민등록번호 is stored encrypted and blind-indexed like an employee's;
/// only its last four digits are kept in clear. <see cref="TreatyRateBasisPoints"/> is a non-resident's tax-treaty income tax rate,
/// which replaces the 20% of art. 156(1) when recorded.
/// </summary>
public sealed record BusinessIncomePayee(
    Guid Id,
    Guid CompanyId,
    string Name,
    string RrnLast4,
    ResidentType ResidentType,
    string BusinessTypeCode,
    int? TreatyRateBasisPoints,
    DateTimeOffset CreatedAt)
{
    public int RateBasisPoints => BusinessIncomeWithholding.RateFor(ResidentType, TreatyRateBasisPoints);
}
