namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>One line's figures in whole won; <see cref="IncomeTaxRate"/> in percent.</summary>
public sealed record BusinessIncomeLineDto(
    int LineNumber, Guid PayeeId, string PayeeName, string ResidentRegistrationNumber, string ResidentType, string BusinessTypeCode, long Amount,
    decimal IncomeTaxRate, long IncomeTax, long LocalIncomeTax, long NetAmount, bool SmallAmountExempt);
