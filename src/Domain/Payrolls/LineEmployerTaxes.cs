using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Payrolls;

public sealed record LineEmployerTaxes(Money SocialSecurity, Money Medicare)
{
    public Money Total => SocialSecurity + Medicare;
}
