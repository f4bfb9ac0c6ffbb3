namespace PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

/// <summary>거주자 or 비거주자: which withholding rate applies to a payee's business income (Income Tax Act art. 129, 156).</summary>
public enum ResidentType
{
    Resident,
    Nonresident,
}
