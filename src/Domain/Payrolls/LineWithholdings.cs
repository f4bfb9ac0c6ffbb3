using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Payrolls;

public sealed record LineWithholdings(Money FederalIncomeTax, Money SocialSecurity, Money Medicare, Money AdditionalMedicare)
{
    public Money Total => FederalIncomeTax + SocialSecurity + Medicare + AdditionalMedicare;
}
