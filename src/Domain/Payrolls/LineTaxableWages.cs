using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Payrolls;

public sealed record LineTaxableWages(Money FederalIncomeTax, Money SocialSecurity, Money Medicare, Money AdditionalMedicare);
