using PayrollPortal.Application.Companies;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Domain.Withholding.Korea.BusinessIncome;

namespace PayrollPortal.Application.Withholding.Korea.BusinessIncome;

/// <summary>Business income is the kr regime's: a company of another regime is answered 409 <c>business_income.regime_unsupported</c>.</summary>
public sealed class BusinessIncomeCompanies(ICompanyQueries companies)
{
    /// <summary>Why the company cannot have business-income payees or sheets, or null when it can.</summary>
    public async Task<Error?> RefusalAsync(Guid companyId, CancellationToken cancellationToken) =>
        await companies.GetAsync(companyId, cancellationToken) switch
        {
            null => CompanyErrors.NotFound,
            { Regime: KoreaRegime.RegimeCode } => null,
            var other => BusinessIncomeErrors.RegimeUnsupported(other.Regime),
        };
}
