using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>A us-federal payroll line's figures: the pre-tax deductions, the wages each tax was figured on, and each tax.</summary>
public sealed record UsPayrollLine(
    Money Retirement,
    Money Cafeteria,
    Money Hsa,
    UsLineTaxableWages TaxableWages,
    UsLineWithholdings Withholdings,
    UsLineEmployerTaxes EmployerTaxes) : IPayrollLineDetails
{
    public Money PreTaxDeductions => Retirement + Cafeteria + Hsa;

    public Money EmployeeTaxes => Withholdings.Total;
}

public sealed record UsLineTaxableWages(Money FederalIncomeTax, Money SocialSecurity, Money Medicare, Money AdditionalMedicare);

public sealed record UsLineWithholdings(Money FederalIncomeTax, Money SocialSecurity, Money Medicare, Money AdditionalMedicare)
{
    public Money Total => FederalIncomeTax + SocialSecurity + Medicare + AdditionalMedicare;
}

public sealed record UsLineEmployerTaxes(Money SocialSecurity, Money Medicare)
{
    public Money Total => SocialSecurity + Medicare;
}
