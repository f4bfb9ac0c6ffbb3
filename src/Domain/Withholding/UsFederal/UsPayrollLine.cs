using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Regimes;

namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>
/// A us-federal payroll line's figures: the pre-tax deductions, the wages each tax was figured on, and each tax; and the
/// work state's income tax when the employee has a work state on the pay date.
/// </summary>
public sealed record UsPayrollLine(
    Money Retirement,
    Money Cafeteria,
    Money Hsa,
    UsLineTaxableWages TaxableWages,
    UsLineWithholdings Withholdings,
    UsLineEmployerTaxes EmployerTaxes,
    UsLineState? State = null) : IPayrollLineDetails
{
    public Money PreTaxDeductions => Retirement + Cafeteria + Hsa;

    public Money EmployeeTaxes => Withholdings.Total + (State?.IncomeTax ?? Money.Zero);
}

/// <summary>The state part of a line: the work state, the wages it taxes and the tax withheld.</summary>
public sealed record UsLineState(string Jurisdiction, Money TaxableWages, Money IncomeTax);

public sealed record UsLineTaxableWages(Money FederalIncomeTax, Money SocialSecurity, Money Medicare, Money AdditionalMedicare);

public sealed record UsLineWithholdings(Money FederalIncomeTax, Money SocialSecurity, Money Medicare, Money AdditionalMedicare)
{
    public Money Total => FederalIncomeTax + SocialSecurity + Medicare + AdditionalMedicare;
}

public sealed record UsLineEmployerTaxes(Money SocialSecurity, Money Medicare)
{
    public Money Total => SocialSecurity + Medicare;
}
